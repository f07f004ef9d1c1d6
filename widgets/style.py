"""The course's look: a colour-blind-safe palette and legible figure text."""

from __future__ import annotations

# Okabe & Ito (2008) colour-universal-design palette: distinguishable with every
# common colour-vision deficiency. Never rely on colour alone: pair it with text,
# hatching or line style.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
CYCLE = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black")]

# Figure text large enough to read on a laptop at 100 % zoom.
RC_PARAMS = {
    "axes.prop_cycle": None,  # filled in by apply()
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def apply() -> None:
    """Set matplotlib defaults for every figure the course draws."""
    import matplotlib

    from cycler import cycler

    params = dict(RC_PARAMS, **{"axes.prop_cycle": cycler(color=CYCLE)})
    matplotlib.rcParams.update(params)
