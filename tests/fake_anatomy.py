"""A stand-in for groundup.anatomy.label_figure (built on another branch), for label-question tests."""

from groundup.figures import new_figure, render

BONES = {"talus": (0.4, 0.6), "calcaneus": (0.2, 0.3), "navicular": (0.6, 0.6)}


def label_figure(view, highlight):
    if highlight not in BONES:
        raise KeyError(highlight)
    fig = new_figure(figsize=(3, 2))
    ax = fig.add_subplot(1, 1, 1)
    for name, (x, y) in BONES.items():
        ax.add_patch(__import__("matplotlib.patches", fromlist=["Circle"]).Circle(
            (x, y), 0.08, facecolor="#E69F00" if name == highlight else "white", edgecolor="black",
            hatch="//" if name == highlight else None))
    ax.set_axis_off()
    return render(fig, alt=f"Fake {view} foot diagram with the {highlight} highlighted")
