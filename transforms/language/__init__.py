"""Language identification: ISO 639-1 codes (or ``und``) for texts, paragraphs and documents.

``detected_language(text)``      one text, two stages: langdetect (seeded), then lingua between
                                 look-alikes and Malaysian/Indonesian word evidence for ``id``.
``detected_languages(texts)``    the paragraphs of one document, cheaply (see ``paragraphs``).
``document_language(texts, guesses)``  majority language by characters, plus shares.
``LANGUAGE_CODES``               every code these can return, plus ``und``.
"""

from __future__ import annotations

from newsetl.transforms.language.detection import detected_language
from newsetl.transforms.language.document import document_language
from newsetl.transforms.language.paragraphs import detected_languages

# langdetect 1.0.9's 55 profiles (zh-cn and zh-tw both as zh), Malay from the second stage,
# and und. Spelled out so importing costs nothing; a test checks it against langdetect.
LANGUAGE_CODES: frozenset[str] = frozenset(
    "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml "
    "mr ms ne nl no pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk und ur vi zh".split()
)

__all__ = ["LANGUAGE_CODES", "detected_language", "detected_languages", "document_language"]
