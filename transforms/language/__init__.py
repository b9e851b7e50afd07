"""Language identification (provisional init)."""
from transforms.language.detection import detected_language
