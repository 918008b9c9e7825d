"""Writes the e-mail, mailbox and MHTML fixtures of this folder, and the saved page's image.

    python tests/pages/make_fixtures.py

The files are committed; this script says how they were made, and makes them again when a
fixture changes. Every word in them is made up.
"""

from __future__ import annotations

import datetime
import io
import mailbox
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).parent
PAGE_URL = "https://www.example.org/reports/columnist-varenko-harbor-treaty-has-failed-both-sides"


def picture(colour: tuple[int, int, int], size: tuple[int, int] = (320, 180)) -> bytes:
    """A small picture: a sky, a sea and a crane, in PNG."""
    image = Image.new("RGB", size, (170, 200, 230))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 2 // 3, width, height), fill=(40, 80, 130))
    draw.rectangle((width // 3, height // 5, width // 3 + 12, height * 2 // 3), fill=colour)
    draw.rectangle((width // 3, height // 5, width * 2 // 3, height // 5 + 10), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def alert(
    number: int,
    day: int,
    title: str,
    topic: str,
    paragraphs: list[str],
    notes: list[tuple[str, str, str]],
    **kw: object,
) -> EmailMessage:
    """An institute's alert: a text part, and (unless ``html=False``) an HTML part with links and,
    with ``photo``, an inline image by cid."""
    header = f"November {day}, 2026 Special Dispatch No. {number}"
    meta = f"November {day}, 2026\n{topic} | Special Dispatch No. {number}"
    photo = kw.get("photo")
    caption = "Ferry at the pier of Lindholm (Source: Kystposten)" if photo else None
    body = [*paragraphs[:1], *([caption] if caption else []), *paragraphs[1:]]
    text_notes = [f"[{index}], {date}." for index, (_, _, date) in enumerate(notes, 1)]
    footer = (
        "You are receiving this email because you signed up for alerts from The Monitoring Institute.\n"
        "Unsubscribe | Update your preferences"
    )
    text = "\n\n".join(["View this email in your browser", header, title, meta, *body, *text_notes, footer]) + "\n"
    message = EmailMessage()
    message["From"] = "The Monitoring Institute <alerts@example.org>"
    message["To"] = "reader@example.com"
    message["Subject"] = f"{title} | Special Dispatch No. {number}"
    message["Date"] = format_datetime(datetime.datetime(2026, 11, day, 9, 0, tzinfo=datetime.UTC))
    message["Message-ID"] = f"<alert-{number}@example.org>"
    message.set_content(text)
    if kw.get("html", True):
        figure = (
            '<p><img src="cid:photo1@example.org" alt="A white ferry moored at a wooden pier"></p>'
            '<p>Ferry at the pier of Lindholm (Source: <a href="https://kystposten.example/photo/88">Kystposten</a>)</p>'
            if photo
            else ""
        )
        html_paragraphs = [f"<p>{paragraph}</p>" for paragraph in paragraphs]
        html_notes = "".join(
            f'<p>[{index}] <a href="{url}">{outlet}</a>, {date}.</p>'
            for index, (outlet, url, date) in enumerate(notes, 1)
        )
        html = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            '<body><table role="presentation" width="100%"><tr><td>'
            f'<p class="preheader"><a href="https://example.org/view/{number}">View this email in your browser</a></p>'
            f"<p>{header}</p><h1>{title}</h1><p>{meta.replace(chr(10), '<br>')}</p>"
            f"{html_paragraphs[0]}{figure}{''.join(html_paragraphs[1:])}{html_notes}"
            '<p class="footer">You are receiving this email because you signed up for alerts from The Monitoring '
            'Institute.<br><a href="https://example.org/unsubscribe">Unsubscribe</a> | '
            '<a href="https://example.org/preferences">Update your preferences</a></p>'
            "</td></tr></table></body></html>"
        )
        message.add_alternative(html, subtype="html")
        if photo:
            html_part = message.get_payload()[1]
            html_part.add_related(picture((230, 230, 230)), "image", "png", cid="<photo1@example.org>")
    return message


def main() -> None:
    (HERE / "report-page_files").mkdir(exist_ok=True)
    harbor = picture((200, 60, 40))
    (HERE / "report-page_files" / "harbor.png").write_bytes(harbor)

    first = alert(
        12020,
        4,
        "Editor Solberg: The Ferry Strike Is A Warning",
        "Norland",
        [
            "The daily Kystposten published an editorial by its editor Rune Solberg, who wrote that the ferry strike "
            "of last week should be read as a warning to both governments.[1]",
            "Solberg added that the ferry crews had not been consulted when the harbor treaty was drafted.[2]",
        ],
        [("Kystposten.example", "https://kystposten.example/editorial/4411", "November 1, 2026")] * 2,
        photo=True,
    )
    second_args = (
        12021,
        5,
        "Former Minister Dahl: Rewrite The Treaty",
        "Sarland",
        [
            "In a television interview, former trade minister Eva Dahl called for the harbor treaty to be rewritten "
            "with the towns at the table.[1]"
        ],
        [("Sarland Radio", "https://sarlandradio.example/interview/dahl", "November 3, 2026")],
    )
    third = alert(
        12022,
        6,
        "Port Authority Chief: Dredging Will Start In Spring",
        "Norland",
        [
            "The chief of the port authority, Lars Ekholm, told the weekly Hamnbladet that dredging of the north "
            "channel will begin in the spring.[1]"
        ],
        [("Hamnbladet.example", "https://hamnbladet.example/ekholm", "November 4, 2026")],
    )
    (HERE / "alert.eml").write_bytes(bytes(first))
    (HERE / "alert-text.eml").write_bytes(bytes(alert(*second_args, html=False)))
    path = HERE / "alerts.mbox"
    path.unlink(missing_ok=True)
    box = mailbox.mbox(str(path))
    for message in (first, alert(*second_args), third):
        box.add(message)
    box.flush()
    box.close()

    page = EmailMessage()
    page["From"] = "<Saved by a browser>"
    page["Subject"] = "Columnist Varenko: The Harbor Treaty Has Failed Both Sides | The Monitoring Institute"
    page["Snapshot-Content-Location"] = PAGE_URL
    page.make_related()
    page.add_related((HERE / "report-page.html").read_text(encoding="utf-8"), subtype="html", cte="quoted-printable")
    page.get_payload()[0]["Content-Location"] = PAGE_URL
    page.add_related(harbor, "image", "png")
    page.get_payload()[1]["Content-Location"] = "https://www.example.org/reports/report-page_files/harbor.png"
    (HERE / "report-page.mhtml").write_bytes(bytes(page))


if __name__ == "__main__":
    main()
