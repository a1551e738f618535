"""The built-in figures' names, for validating routine and program files without drawing or
even building a figure (`supple list` and `validate` pay nothing for the poses; a test checks
that these are exactly the figures in ``supple.core.figures``)."""

FIGURE_NAMES = (
    "cat-cow",
    "knee-to-chest",
    "childs-pose",
    "superman",
    "bridge",
    "kneeling-hip-flexor",
    "sphinx",
    "toe-touch",
    "thomas-test",
    "press-up",
    "superman-hold",
    "bridge-hold",
)
