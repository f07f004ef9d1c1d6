"""The foot skeleton's data: the contract ids, proportions a student would recognise, and clear errors.

Reference values: foot-skeleton-dimensions.md (the [Fn] tags below) and the fact sheet ([Sn]).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.path import Path as MplPath

from groundup.anatomy import catalogue as cat
from groundup.anatomy import geometry, outlines
from groundup.errors import GroundUpError, ValidationError

VIEWS = ("dorsal", "medial")


@pytest.fixture(scope="module")
def dorsal():
    return geometry.load_view("dorsal")


@pytest.fixture(scope="module")
def medial():
    return geometry.load_view("medial")


def ref(view, bone, key):
    """A number or point of the data file, in the file's own coordinates."""
    return view.bones[bone].spec[key]


def x_range(view, bone):
    """Extent along the foot (x), whatever the view's screen axes."""
    pts = view.bones[bone].outline
    xs = pts[:, 1] if view.name == "dorsal" else pts[:, 0]
    return float(xs.min()), float(xs.max())


def z_min(view, bone):
    return float(view.bones[bone].outline[:, 1].min())


# ---------------------------------------------------------------- the contract and the count
def test_catalogue_holds_exactly_the_contract_ids():
    assert [b.id for b in cat.bones()] == list(cat.BONE_IDS)
    assert [j.id for j in cat.joints()] == list(cat.JOINT_IDS)
    assert {"calcaneus", "talus", "mt1", "mt5", "hallux_p2", "toe5_p3", "tibial_sesamoid", "tibia"} <= set(cat.BONE_IDS)
    assert set(cat.JOINT_IDS) == {"talocrural", "subtalar", "talonavicular", "calcaneocuboid", "transverse_tarsal",
                                  "tarsometatarsal", "mtp", "mtp1", "ip", "hallux_ip"}


def test_the_foot_has_26_bones_7_tarsals_5_metatarsals_14_phalanges():  # [S1]
    groups = [b.group for b in cat.bones()]
    assert groups.count("tarsal") == 7
    assert groups.count("metatarsal") == 5
    assert groups.count("phalanx") == 14
    assert sum(g in cat.FOOT_GROUPS for g in groups) == 26
    assert groups.count("sesamoid") == 2 and groups.count("leg") == 2


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_draws_every_bone_and_every_joint(view):
    loaded = geometry.load_view(view)
    assert list(sorted(loaded.bones)) == sorted(cat.BONE_IDS)
    for joint in cat.JOINT_IDS:
        lines = loaded.joints[joint]
        assert lines, f"{view}: {joint} has no joint line"
        assert all(len(line.points) >= 2 and outlines.line_length(line.points) > 1.5 for line in lines), joint
    for bone, shape in loaded.bones.items():
        assert outlines.polygon_area(shape.outline) > 10, f"{view}: {bone} has almost no area"


def test_hallux_has_two_phalanges_and_toes_2_to_5_have_three(dorsal, medial):  # [S1]
    for view in (dorsal, medial):
        ids = set(view.bones)
        assert sorted(b for b in ids if b.startswith("hallux_")) == ["hallux_p1", "hallux_p2"]
        for toe in range(2, 6):
            assert sorted(b for b in ids if b.startswith(f"toe{toe}_")) == [f"toe{toe}_p{p}" for p in (1, 2, 3)]


def test_phalanges_run_from_the_metatarsal_head_to_the_tip(dorsal):
    chains = [["mt1", "hallux_p1", "hallux_p2"]] + [[f"mt{t}", f"toe{t}_p1", f"toe{t}_p2", f"toe{t}_p3"]
                                                     for t in range(2, 6)]
    for chain in chains:
        tips = [x_range(dorsal, b) for b in chain]
        for (_, behind_end), (front_start, _) in zip(tips, tips[1:]):
            assert front_start > behind_end - 1.0, chain  # each bone starts where the one behind it ends
    lengths = {b: ref(dorsal, b, "length") for b in cat.PHALANGES}
    assert max(lengths, key=lengths.get) == "hallux_p1"  # the longest phalanx [F7]
    assert lengths["hallux_p1"] > lengths["hallux_p2"]
    for toe in range(2, 6):  # proximal longest, distal shortest [F49]
        assert lengths[f"toe{toe}_p1"] > lengths[f"toe{toe}_p2"] >= lengths[f"toe{toe}_p3"]
    assert min(lengths, key=lengths.get) in {"toe5_p2", "toe5_p3"}  # the 5th toe's are the shortest [F7]


# ---------------------------------------------------------------- metatarsals
def true_length(dorsal, medial, bone):
    """3-D length of a metatarsal: across and along from above, the drop from the side view."""
    (bx, by), (tx, ty) = ref(dorsal, bone, "base"), ref(dorsal, bone, "tip")
    (_, bz), (_, tz) = ref(medial, bone, "base"), ref(medial, bone, "tip")
    return math.dist((bx, by, bz), (tx, ty, tz))


def test_second_metatarsal_longest_first_shortest_and_thickest(dorsal, medial):  # [S1][F7][F10][F11]
    seen = {f"mt{i}": ref(dorsal, f"mt{i}", "length") for i in range(1, 6)}
    assert max(seen, key=seen.get) == "mt2"
    assert min(seen, key=seen.get) == "mt1"
    true = {f"mt{i}": true_length(dorsal, medial, f"mt{i}") for i in range(1, 6)}
    assert sorted(true, key=true.get, reverse=True) == ["mt2", "mt3", "mt4", "mt5", "mt1"]  # [F10]
    assert 0.73 <= true["mt1"] / true["mt2"] <= 0.94  # a normal-length 1st metatarsal [F11]
    for key in ("width", "head_width", "base_width"):
        widths = {f"mt{i}": ref(dorsal, f"mt{i}", key) for i in range(1, 6)}
        assert max(widths, key=widths.get) == "mt1", key
    assert ref(medial, "mt1", "width") > max(ref(medial, f"mt{i}", "width") for i in range(2, 6))


def test_metatarsal_heads_form_the_parabola(dorsal):  # 2 > 1 >= 3 > 4 > 5 [F12][F13][F14]
    heads = {i: x_range(dorsal, f"mt{i}")[1] for i in range(1, 6)}
    assert heads[2] > heads[1] >= heads[3] - 2 > heads[4] - 2 > heads[5] - 2
    assert heads[2] - heads[5] == pytest.approx(20.2, abs=3)  # [F12]: MT5 about 20 mm behind MT2


def test_second_metatarsal_base_is_recessed_between_the_cuneiforms(dorsal):  # [F3][F26]
    mt2_base = x_range(dorsal, "mt2")[0]
    assert x_range(dorsal, "medial_cuneiform")[1] - mt2_base > 6  # medial recess ~10 mm
    assert x_range(dorsal, "lateral_cuneiform")[1] - mt2_base > 1  # lateral recess ~2 mm
    assert x_range(dorsal, "mt1")[0] > mt2_base and x_range(dorsal, "mt3")[0] > mt2_base


def test_first_metatarsal_declination_and_meary_line(medial):  # [F29][F30][F31]
    (bx, bz), (tx, tz) = ref(medial, "mt1", "base"), ref(medial, "mt1", "tip")
    declination = math.degrees(math.atan2(bz - tz, tx - bx))
    assert 18 <= declination <= 24
    for bone in ("mt2", "mt3", "mt4", "mt5"):  # lateral rays flatter [§1b]
        (bx2, bz2), (tx2, tz2) = ref(medial, bone, "base"), ref(medial, bone, "tip")
        assert math.degrees(math.atan2(bz2 - tz2, tx2 - bx2)) < declination


# ---------------------------------------------------------------- the medial view
def test_sesamoids_lie_under_the_first_metatarsal_head(dorsal, medial):  # [F46]
    head_from, head_to = x_range(medial, "mt1")[1] - 20, x_range(medial, "mt1")[1]
    mt1_bottom = z_min(medial, "mt1")
    for sesamoid in ("tibial_sesamoid", "fibular_sesamoid"):
        centre = outlines.centroid(medial.bones[sesamoid].outline)
        assert head_from <= centre[0] <= head_to, sesamoid
        assert z_min(medial, sesamoid) < mt1_bottom, f"{sesamoid} is not plantar to the 1st metatarsal head"
        assert centre[1] < mt1_bottom + 4
    lowest_forefoot = min(z_min(medial, b) for b in ("mt1", "hallux_p1", "hallux_p2", "medial_cuneiform"))
    assert z_min(medial, "tibial_sesamoid") < lowest_forefoot  # the lowest bone of the medial forefoot
    # From above: tibial (medial) sesamoid on the medial side of the 1st metatarsal's axis, fibular lateral.
    axis_y = (ref(dorsal, "mt1", "base")[1] + ref(dorsal, "mt1", "tip")[1]) / 2
    assert ref(dorsal, "tibial_sesamoid", "centre")[1] < axis_y < ref(dorsal, "fibular_sesamoid", "centre")[1]
    assert outlines.polygon_area(dorsal.bones["tibial_sesamoid"].outline) > \
        outlines.polygon_area(dorsal.bones["fibular_sesamoid"].outline)  # usually the larger [F46]


def arch_profile(medial):
    """Lowest bone edge of the medial column at each x, between heel contact and the sesamoids."""
    column = ["calcaneus", "navicular", "medial_cuneiform", "mt1", "tibial_sesamoid"]
    xs = np.arange(15, 176, 1.0)
    profile = []
    for x in xs:
        lows = []
        for bone in column:
            pts = medial.bones[bone].outline
            near = pts[np.abs(pts[:, 0] - x) < 0.8]
            if len(near):
                lows.append(near[:, 1].min())
        profile.append(min(lows) if lows else np.nan)
    return xs, np.array(profile)


def test_medial_arch_is_highest_under_the_navicular_and_medial_cuneiform(medial):  # §3 [D], [F38]
    xs, profile = arch_profile(medial)
    top = int(np.nanargmax(profile))
    assert 86 <= xs[top] <= 110, f"the arch peaks at x={xs[top]}"
    assert profile[top] > 30
    assert profile[0] < 15 and np.nanmin(profile[xs > 160]) < 10  # heel and ball of the foot near the floor
    navicular_height = z_min(medial, "navicular")
    assert 36 <= navicular_height <= 55  # normal navicular height [F38]


def test_talus_sits_under_the_tibia_and_above_the_calcaneus(medial):  # [S1][S2]
    talus, tibia = medial.bones["talus"].outline, medial.bones["tibia"].outline
    dome_x = talus[np.argmax(talus[:, 1]), 0]
    assert tibia[:, 0].min() < dome_x < tibia[:, 0].max()
    assert np.argmax(talus[:, 1]) is not None and talus[:, 1].max() < tibia[:, 1].max()
    below_dome = tibia[np.abs(tibia[:, 0] - dome_x) < 10]
    assert below_dome[:, 1].min() < talus[:, 1].max()  # the malleolus reaches down beside the talus
    assert outlines.centroid(talus)[1] > outlines.centroid(medial.bones["calcaneus"].outline)[1]
    # The talus is the only foot bone the tibia touches.
    for bone in cat.TARSALS + cat.METATARSALS:
        d, _ = outlines._distances(tibia, medial.bones[bone].outline)
        assert (d.min() < 3) == (bone == "talus"), bone


def test_medial_view_draws_far_bones_first(medial):
    order = list(medial.bones)
    assert order.index("calcaneus") < order.index("talus") < order.index("tibia")
    assert order.index("fibula") < order.index("talus")
    assert order.index("cuboid") < order.index("navicular")
    assert order.index("mt2") < order.index("mt1")
    assert order.index("fibular_sesamoid") < order.index("mt1") < order.index("tibial_sesamoid")
    assert all(medial.bones[b].behind for b in ("cuboid", "lateral_cuneiform", "mt5", "toe3_p2", "fibula"))
    assert not any(medial.bones[b].behind for b in ("calcaneus", "talus", "navicular", "mt1", "hallux_p1", "tibia"))


# ---------------------------------------------------------------- the two views agree, bones do not overlap
@pytest.mark.parametrize("bone", [b for b in cat.BONE_IDS if b not in cat.LEG_BONES])
def test_the_two_views_agree_on_where_each_bone_lies_along_the_foot(dorsal, medial, bone):
    (d0, d1), (m0, m1) = x_range(dorsal, bone), x_range(medial, bone)
    assert abs(d0 - m0) <= 5 and abs(d1 - m1) <= 5, f"{bone}: dorsal x {d0:.0f}-{d1:.0f}, medial {m0:.0f}-{m1:.0f}"


def test_bones_seen_from_above_do_not_overlap(dorsal):
    allowed = {frozenset(("talus", "calcaneus"))}  # the talus sits on the calcaneus
    drawn = [b for b, s in dorsal.bones.items() if not (s.overlay or s.optional)]
    problems = []
    for a in drawn:
        for b in drawn:
            if a >= b or frozenset((a, b)) in allowed:
                continue
            pa, pb = dorsal.bones[a].outline, dorsal.bones[b].outline
            inside = MplPath(pb).contains_points(pa)
            if inside.any():
                depth, _ = outlines._distances(pa[inside], pb)
                if depth.max() > 0.6:
                    problems.append(f"{a} reaches {depth.max():.1f} mm into {b}")
    assert problems == []


def test_neighbouring_joints_leave_a_gap(dorsal):
    """Joint lines come from outlines that face each other across a small gap, not from overlaps."""
    for joint in ("talonavicular", "calcaneocuboid", "mtp1", "hallux_ip"):
        for line in dorsal.joints[joint]:
            assert len(line.points) >= 3 and outlines.line_length(line.points) > 5, joint


# ---------------------------------------------------------------- malformed files: one clear error
GOOD_BONE = "  {bone}:\n    shape: long\n    base: [0, 0]\n    tip: [60, 0]\n    base_width: 10\n    width: 7\n    head_width: 10\n"


def write_view(tmp_path, bones_text: str, joints_text: str | None = None, view="dorsal"):
    ids = list(cat.BONE_IDS)
    body = "".join(GOOD_BONE.format(bone=b).replace("[0, 0]", f"[0, {i * 20}]").replace("[60, 0]", f"[60, {i * 20}]")
                   for i, b in enumerate(ids) if f"  {b}:" not in bones_text)
    joints = joints_text if joints_text is not None else "".join(
        f"  {j}:\n    - path: [[0, 0], [1, 1]]\n" for j in cat.JOINT_IDS)
    text = f"view: {view}\ntitle: test\nbones:\n{bones_text}{body}joints:\n{joints}"
    path = tmp_path / f"{view}.yaml"
    path.write_text(text)
    return path


def load_error(path, view="dorsal") -> ValidationError:
    with pytest.raises(ValidationError) as info:
        geometry.read_view(view, path)
    message = str(info.value)
    assert "\n" not in message and path.name in message
    assert isinstance(info.value, GroundUpError)
    return info.value


def test_a_well_formed_file_loads(tmp_path):
    loaded = geometry.read_view("dorsal", write_view(tmp_path, ""))
    assert set(loaded.bones) == set(cat.BONE_IDS)


def test_a_bad_number_names_file_line_and_bone(tmp_path):
    bad = "  mt3:\n    shape: long\n    base: [0, 0]\n    tip: [60, 0]\n    base_width: wide\n    width: 7\n    head_width: 10\n"
    error = load_error(write_view(tmp_path, bad))
    assert str(error).startswith(f"{tmp_path / 'dorsal.yaml'}:8: mt3: 'base_width' must be a number")


@pytest.mark.parametrize("bones_text, expected", [
    ("  talsu:\n    shape: ellipse\n    centre: [0, 0]\n    length: 5\n    width: 3\n", "talsu: unknown bone id (did you mean 'talus'?)"),
    ("  cuboid:\n    shape: points\n    points: [[0, 0], [1, 1]]\n", "cuboid: 'points' must be a list of at least 4 points"),
    ("  cuboid:\n    shape: blob\n", "cuboid: 'shape' must be one of points, long, ellipse"),
    ("  mt1:\n    shape: long\n    base: [0, 0]\n    tip: [60]\n    base_width: 10\n    width: 7\n    head_width: 10\n",
     "mt1: 'tip' must be a point [x, y] of two numbers"),
    ("  mt1:\n    shape: long\n    base: [0, 0]\n    tip: [60, 0]\n    base_width: 10\n    width: -7\n    head_width: 10\n",
     "mt1: 'width' must be greater than 0"),
    ("  navicular:\n    shape: ellipse\n    centre: [0, 0]\n    length: 5\n    width: 3\n    colour: red\n",
     "navicular: unknown key 'colour'"),
    ("  tibia:\n    shape: ellipse\n    centre: [0, 0]\n    length: 5\n    width: 3\n    behind: maybe\n",
     "tibia: 'behind' must be true or false"),
    ("  talus:\n    shape: ellipse\n    centre: [0, 0]\n    length: .nan\n    width: 3\n", "talus: 'length' must be a number"),
])
def test_malformed_bones_are_reported_by_name(tmp_path, bones_text, expected):
    error = load_error(write_view(tmp_path, bones_text))
    assert any(expected in str(p) for p in error.problems), [str(p) for p in error.problems]


def test_a_missing_bone_is_reported(tmp_path):
    path = write_view(tmp_path, "")
    text = path.read_text()
    start = text.index("  toe4_p2:")
    end = text.index("  toe4_p3:")
    path.write_text(text[:start] + text[end:])
    error = load_error(path)
    assert any("toe4_p2: bone missing from 'bones'" in str(p) for p in error.problems)


def test_joint_problems_are_reported_by_name(tmp_path):
    joints = "".join(f"  {j}:\n    - path: [[0, 0], [1, 1]]\n" for j in cat.JOINT_IDS if j not in ("mtp1", "ip"))
    joints += "  mtp1:\n    - between: [mt1, mt5]\n  ip:\n    - between: [hallux_p1, toe9_p1]\n"
    error = load_error(write_view(tmp_path, "", joints))
    messages = [str(p) for p in error.problems]
    assert any("mtp1: mt1 and mt5 do not come within 3 mm" in m for m in messages), messages
    assert any("ip: 'between' names unknown bone 'toe9_p1'" in m for m in messages), messages


def test_invalid_yaml_is_one_clear_error(tmp_path):
    path = tmp_path / "medial.yaml"
    path.write_text("view: medial\nbones:\n  talus: [unclosed\n")
    error = load_error(path, "medial")
    assert f"{path}:" in str(error) and "not valid YAML" in str(error)


def test_the_wrong_view_name_and_unknown_views(tmp_path):
    error = load_error(write_view(tmp_path, "", view="medial"), "dorsal")
    assert "'view' must be 'dorsal'" in str(error)
    with pytest.raises(GroundUpError, match="unknown view 'lateral'"):
        geometry.load_view("lateral")


def test_course_files_are_named_as_assets():
    assert geometry.load_view("dorsal").file == "assets/anatomy/dorsal.yaml"


# ---------------------------------------------------------------- the catalogue
LESSON_OF = {
    "01-the-ankle": {"talus", "tibia", "fibula", "talocrural"},
    "02-tarsal-movement": {"calcaneus", "navicular", "cuboid", "medial_cuneiform", "intermediate_cuneiform",
                           "lateral_cuneiform", "subtalar", "talonavicular", "calcaneocuboid", "transverse_tarsal"},
    "03-the-metatarsal-arch": {"mt1", "mt2", "mt3", "mt4", "mt5", "tarsometatarsal"},
    "04-the-toes": set(cat.PHALANGES) | set(cat.SESAMOIDS) | {"mtp", "mtp1", "ip", "hallux_ip"},
}


def test_each_structure_points_to_the_lesson_that_covers_it():
    for item in cat.bones() + cat.joints():
        expected = next(key for key, ids in LESSON_OF.items() if item.id in ids)
        assert item.lesson == expected, item.id


def test_descriptions_are_two_short_sentences_without_diagnoses():
    diagnoses = ("fracture", "fasciitis", "rigidus", "limitus", "bunion", "arthritis", "gout", "neuroma",
                 "tendinopathy", "tendinitis", "valgus")
    for item in cat.bones() + cat.joints():
        assert len(item.description) == 2
        for line in item.description:
            assert 20 <= len(line) <= 170 and line.endswith("."), (item.id, line)
            assert not any(word in line.lower() for word in diagnoses), (item.id, line)
        assert item.source.startswith("[")


def test_joints_name_bones_that_exist():
    for joint in cat.joints():
        assert set(joint.bones) <= set(cat.BONE_IDS)
    assert set(cat.structure("transverse_tarsal").bones) == {"talus", "navicular", "calcaneus", "cuboid"}


def test_structures_are_found_by_id_or_name():
    assert cat.structure("MTP").id == "mtp"
    assert cat.structure("medial cuneiform").id == "medial_cuneiform"
    assert cat.structure("Big-toe joint (1st MTP)").id == "mtp1"
    with pytest.raises(GroundUpError, match="did you mean talus"):
        cat.structure("talsu")


def test_a_malformed_catalogue_names_the_entry(tmp_path):
    text = (cat.catalogue_path()).read_text()
    broken = text.replace("    lesson: 03-the-metatarsal-arch\n", "    lesson: 03-metatarsals\n", 1)
    broken = broken.replace("      - The longest metatarsal; its head usually reaches furthest forward of the five.\n", "", 1)
    path = tmp_path / "catalogue.yaml"
    path.write_text(broken)
    with pytest.raises(ValidationError) as info:
        cat.read_catalogue(path)
    messages = [str(p) for p in info.value.problems]
    assert any(m.startswith(f"{path}:") and "mt1: unknown lesson '03-metatarsals'" in m for m in messages), messages
    assert any("mt2: 'description' must be a list of exactly two lines" in m for m in messages), messages


def test_lesson_reference_uses_the_notebook_title_once_it_exists(monkeypatch):
    from groundup import resources

    planned = cat.lesson_ref("02-tarsal-movement")
    assert (planned.number, planned.link) == (2, "02-tarsal-movement.ipynb")
    fake = resources.Lesson(2, "02-tarsal-movement", "02-tarsal-movement.ipynb", "Lesson 2: Tarsal movement and pronation", ())
    monkeypatch.setattr(resources, "lesson", lambda key: fake)
    assert cat.lesson_ref("02-tarsal-movement").text == "Lesson 2: Tarsal movement and pronation"


# ---------------------------------------------------------------- outline maths
def test_catmull_rom_passes_through_its_control_points():
    square = np.array([[0, 0], [10, 0], [10, 10], [0, 10]], float)
    curve = outlines.smooth_closed(square)
    for p in square:
        assert np.min(np.linalg.norm(curve - p, axis=1)) < 1e-9
    assert 90 < outlines.polygon_area(curve) < 140


def test_long_bone_has_a_wider_base_and_head_than_its_shaft():
    bone = outlines.long_bone((0, 0), (60, 0), 12, 6, 10)
    def width_at(x):
        near = bone[np.abs(bone[:, 0] - x) < 1.0]
        return near[:, 1].max() - near[:, 1].min()
    assert width_at(2) > width_at(30) + 3
    assert width_at(55) > width_at(30) + 2
    assert bone[:, 0].max() == pytest.approx(60, abs=0.2)
    assert bone[:, 0].min() == pytest.approx(0, abs=0.2)


def test_contact_lines_find_the_gap_between_two_bones():
    a = outlines.smooth_closed([[0, 0], [10, 0], [10, 10], [0, 10]])
    b = outlines.smooth_closed([[12, 0], [22, 0], [22, 10], [12, 10]])
    lines = outlines.contact_lines(a, b, 3)
    assert len(lines) == 1
    assert np.allclose(lines[0][:, 0], 11, atol=0.6)
    assert outlines.contact_lines(a, b + [20, 0], 3) == []


def test_a_bone_given_twice_in_the_catalogue_is_named_with_its_line(tmp_path):
    text = cat.catalogue_path().read_text()
    start = text.index("\n  talus:") + 1
    end = text.index("\n  ", text.index("\n", start) + 1)
    while text[end + 3] == " ":  # to the end of the talus entry
        end = text.index("\n  ", end + 1)
    path = tmp_path / "catalogue.yaml"
    path.write_text(text[:end + 1] + text[start:end + 1] + text[end + 1:])
    with pytest.raises(ValidationError) as info:
        cat.read_catalogue(path)
    assert any(f"{path}:" in str(p) and "talus: appears twice" in str(p) for p in info.value.problems), \
        [str(p) for p in info.value.problems]
