"""Which language a visitor who arrives without one in the address gets (at `/`).

Django's rule first: the browser's list (Accept-Language) in its order of preference (a language
cookie would come before it, but the only one the site sets, the admin's switcher, is sent to /admin/
alone), taking the first language the site has, so
`uk, ru;q=0.8, en;q=0.5` gets Russian.
When the browser's list names none of the site's languages (`de`, `fr`, `uk`, …), the visitor gets
English, the site's language for those who read neither Kazakh nor Russian. With no list at all,
Kazakh (LANGUAGE_CODE), the state language.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

FOREIGN_VISITORS_LANGUAGE = "en"


def names_a_site_language(header: str) -> bool:
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            return True
        try:
            translation.get_supported_language_variant(code)
            return True
        except LookupError:
            continue
    return False


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        if translation.get_language_from_path(request.path_info):
            return
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in dict(settings.LANGUAGES):
            return
        header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        if header.strip() and not names_a_site_language(header):
            translation.activate(FOREIGN_VISITORS_LANGUAGE)
            request.LANGUAGE_CODE = FOREIGN_VISITORS_LANGUAGE
