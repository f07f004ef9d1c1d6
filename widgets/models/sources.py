"""The references behind the models' numbers, keyed by the course fact sheet's tags.

``cite("S33")`` gives the short form a readout shows ("World J Orthop 2017"); ``REFERENCES`` the full ones
(lessons list them under References). Tags marked ``weak=True`` are flagged as secondary or weak in the fact
sheet: a readout that uses them says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    short: str
    full: str
    weak: bool = False


REFERENCES: dict[str, Reference] = {
    "S20": Reference("Hicks 1954", "Hicks JH, J Anat 1954, as quoted in 'A closer look at the historic "
                     "description of the windlass mechanism' (Podiatry Today forum)."),
    "S21": Reference("Sichting & Ebrecht 2021", "Sichting F, Ebrecht F. The rise of the longitudinal arch when sitting, "
                     "standing, and walking: contributions of the windlass mechanism. PLoS One 2021;16(4):e0249965."),
    "S22": Reference("Farris et al. 2020", "Farris DJ, Birch J, Kelly L. Foot stiffening during the push-off phase of "
                     "human walking is linked to active muscle contraction, and not the windlass mechanism. "
                     "J R Soc Interface 2020;17(168)."),
    "S28": Reference("Physiopedia", "Physiopedia. Joint range of motion during gait.", weak=True),
    "S29": Reference("Schwartz et al. 2008", "Schwartz MH, Rozumalski A, Trost JP. The effect of walking speed on the "
                     "gait of typically developing children. J Biomech 2008;41:1639-50."),
    "S30": Reference("Nawoczenski et al. 1999", "Nawoczenski DA et al. Relationship between "
                     "clinical measurements and motion of the first metatarsophalangeal joint during gait. "
                     "J Bone Joint Surg Am 1999;81:370-6."),
    "S31": Reference("Podiapaedia", "Podiapaedia: First MPJ range of motion; Ankle joint range of motion; Lunge test.",
                     weak=True),
    "S33": Reference("World J Orthop 2017", "World J Orthop 2017;8(1):21-29, Table 5 (ankle range of motion)."),
    "S34": Reference("Bennell et al. 1998", "Physiopedia. Knee to wall test (after Bennell et al. 1998)."),
    "S35": Reference("Powden et al. 2015", "Powden CJ, Hoch JM, Hoch MC. Reliability and minimal detectable change of "
                     "the weight-bearing lunge test: a systematic review. Man Ther 2015;20:524-32."),
    "S36": Reference("Hoch & McKeon 2011", "Hoch MC, McKeon PO. Normative range of weight-bearing lunge test "
                     "performance asymmetry in healthy adults. Man Ther 2011;16:516-9.", weak=True),
    "S37": Reference("Backman & Danielson 2011", "Backman LJ, Danielson P. Low range of ankle dorsiflexion predisposes "
                     "for patellar tendinopathy in junior elite basketball players. Am J Sports Med 2011;39:2626-33."),
    "S74": Reference("Thompson, OUHSC notes", "Thompson D. Ankle (talocrural) joint. University of Oklahoma HSC "
                     "kinesiology notes."),
    "S81": Reference("textbook extracts on joint axes", "Textbook extracts on joint axes (Dance Anatomy & "
                     "Kinesiology citing Levangie & Norkin; Isman & Inman 1969).", weak=True),
    "S82": Reference("Gray's Anatomy", "Gray's Anatomy, description of the talus (broader in front).", weak=True),
    "S83": Reference("Thompson, OUHSC notes", "Thompson D. Subtalar joint open-chain motion. University of Oklahoma HSC "
                     "kinesiology notes."),
    "S84": Reference("gait teaching slides", "'Biomechanics foot ankle: gait' teaching slides (Perry-based).",
                     weak=True),
    "S88": Reference("Welte et al.", "Welte L, Kelly LA, Lichtwark GA, Rainbow MJ. Influence of the windlass "
                     "mechanism on arch-spring mechanics during dynamic foot arch deformation (J R Soc Interface "
                     "2018, to verify)."),
    "S94": Reference("clinical summaries", "PhysioHub WBLT page; MobilizeMe Physio knee-to-wall page (clinical "
                     "summaries).", weak=True),
    "S96": Reference("Muscarella & Hetherington", "Muscarella V, Hetherington VJ. Hallux limitus and hallux rigidus "
                     "(textbook chapter).", weak=True),
    "S97": Reference("Podiapaedia", "Podiapaedia. Angular kinematics of gait."),
    "S98": Reference("Locometrics", "Locometrics. Terminal stance phase."),
    "S99": Reference("Footwear and Foot Orthoses", "Footwear and Foot Orthoses (book extract).", weak=True),
    "S100": Reference("Pinzone et al. 2014", "Pinzone O et al. The comparison of normative reference data from "
                      "different gait analysis services. Gait Posture 2014;40:286-90."),
    "S108": Reference("JAPMA 101(6):467", "Hallux limitus and lower-limb internal rotation. J Am Podiatr Med Assoc "
                      "101(6):467."),
    "S109": Reference("The Gait Guys", "The Gait Guys. Do you have enough ankle dorsiflexion... (blog).", weak=True),
    "F21": Reference("talar trochlea morphometry", "Morphometry of talar trochlear surface (160 dry tali). "
                     "Natl J Clin Anat 2018."),
    "F22": Reference("Foot Ankle Int 2006", "Evaluation of hindfoot dimensions: a radiological study. "
                     "Foot Ankle Int 2006;27(8):612-6."),
}


def cite(*tags: str) -> str:
    """Short citation for readouts, e.g. ``cite("S35")`` -> ``"Powden et al. 2015"``."""
    names: list[str] = []
    for tag in tags:
        short = REFERENCES[tag].short
        if short not in names:
            names.append(short)
    return "; ".join(names)
