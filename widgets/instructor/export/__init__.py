"""``groundup export --format gift|moodle-xml|qti BANK... --out FILE``: question banks for an LMS.

One module per format: ``gift`` (Moodle GIFT text), ``moodle_xml`` (Moodle XML) and ``qti``
(a Canvas QTI 1.2 zip); ``common`` holds what they share. Each writer returns an ``Export``: the
file's bytes, the ids exported, and every question it could not express with the reason (never
silently dropped), plus notes where the LMS grades differently from the course.
"""
