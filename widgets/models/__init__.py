"""Five slider-driven joint models: ankle (with the knee-to-wall test), gait, subtalar axis, windlass, big toe.

Each model is pure arithmetic in its own module (``ankle``, ``gait``, ``subtalar``, ``windlass``,
``big_toe``: numbers only, no plotting, no widgets), drawn by ``drawing`` (matplotlib, from those numbers) and
shown by ``view`` (ipywidgets). Notebooks call ``gu.ankle_model()``, ``gu.knee_to_wall()``, ``gu.gait_model()``,
``gu.subtalar_model()``, ``gu.windlass_model()`` and ``gu.big_toe_model()``.

Sign conventions and units (used by every function, figure and readout in this package)
--------------------------------------------------------------------------------------
* **Angles are in degrees** everywhere they are passed or returned (radians only inside a calculation).
* **Sagittal plane: + dorsiflexion, - plantarflexion.** For the ankle (talocrural) angle and the gait curve,
  0 deg is neutral: the foot at a right angle to the shank.
* **Frontal plane: + eversion, - inversion. Transverse plane: + abduction (toes turn out), - adduction.**
* **Subtalar rotation: + pronation, - supination.** With the two lines above, every component of pronation
  (eversion, dorsiflexion, abduction) is positive and every component of supination negative.
* **Big-toe (1st metatarsophalangeal, MTP) angle: + extension** (the toe bends up, "toe dorsiflexion");
  0 deg is the toe at rest, flat in line with the floor. Flexion is not modelled.
* **Knee-to-wall: shin angle** = the shank's tilt from vertical with the heel down and the foot flat, which
  equals the ankle's dorsiflexion in that position.
* **Lengths are in centimetres**, except names ending in ``_mm`` (millimetres).
* **Gait time is in % of the gait cycle**: 0 = initial contact of one foot, 100 = its next initial contact.
* **Foot coordinates** (subtalar model): x forward along the foot's long axis, y medial, z up, for a right
  foot (a left foot is its mirror image).

Sources
-------
Tags such as [S33] are those of the course fact sheet; ``groundup.models.sources`` gives each reference in full,
and the readouts name them by author and year. Where the sheet marks a source as secondary or weak, or where a
number is this package's own estimate, the docstring or readout says so.
"""
