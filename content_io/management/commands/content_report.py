"""`manage.py content_report`: per article and language, what is missing and how plain the text is."""

from django.core.management.base import BaseCommand, CommandError

from content_io import ContentErrors, parse_tree
from editorial.languages import LANGUAGE_CODES as LANGS
from law.plain_language import PLAIN_LANGUAGE_BAR, average_sentence_length


def article_texts(table: dict) -> list[str]:
    """The running prose of one article in one language (titles are not sentences)."""
    texts = [table.get("summary", ""), table.get("for_you", "")]
    texts += [p.get("note", "") for p in table.get("paragraphs", {}).values()]
    texts += list(table.get("rights_and_duties", {}).values())
    return texts


class Command(BaseCommand):
    help = "Report missing texts and average sentence length per article and language (reads content/)."

    def handle(self, *args, **options):
        try:
            tree = parse_tree()
        except ContentErrors as exc:
            raise CommandError(str(exc)) from None
        over = 0
        for edition in tree.editions:
            for article in edition.articles:
                cells = []
                for lang in LANGS:
                    table = article.texts.get(lang, {})
                    average = average_sentence_length(*article_texts(table))
                    flag = "!" if average > PLAIN_LANGUAGE_BAR[lang] else " "
                    over += flag == "!"
                    missing = [f for f in ("plain_title", "summary") if not table.get(f)]
                    cells.append(f"{lang} {average:5.1f}{flag} {'missing ' + ','.join(missing) if missing else ''}")
                self.stdout.write(f"{edition.slug} {article.number:>5}  " + " | ".join(c.ljust(34) for c in cells))
        bars = ", ".join(f"{lang} {bar}" for lang, bar in PLAIN_LANGUAGE_BAR.items())
        self.stdout.write(f"{over} article-language pairs above the bar of words per sentence ({bars}).")
