"""English names of language codes, for messages people read."""

_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "no": "Norwegian",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish",
    "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}


# Names that stay as they are in any translation: language pickers list each language by
# its own name ("Français" in an English UI). English names ("Turkish") are translated.
_NATIVE = (
    "العربية", "български", "català", "čeština", "dansk", "deutsch", "ελληνικά", "english",
    "español", "فارسی", "suomi", "français", "עברית", "हिन्दी", "magyar", "italiano", "日本語",
    "한국어", "nederlands", "norsk", "polski", "português", "română", "русский", "svenska",
    "ไทย", "türkçe", "українська", "tiếng việt", "中文", "简体中文", "繁體中文",
)
_AUTONYMS = frozenset(_NATIVE)


def is_language_name(text: str) -> bool:
    """Whether ``text`` is just a language's name in that language ("Deutsch", "日本語")."""
    return text.strip().casefold() in _AUTONYMS


def language_name(code: str | None) -> str:
    """'French' for 'fr'; the code itself, quoted, when the name is not known."""
    if code is None:
        return "an undetermined language"
    return _NAMES.get(code.split("-")[0], f"language '{code}'")
