"""What the reader knows about real pages, kept as data: the rules in the other modules stay few.

Adding a site's chrome, a notice's wording, a series or a language is one entry here and one
test in ``tests/test_layouts.py``. Lines are compared case-insensitively after the reader has
folded odd spaces and trimmed them; patterns are matched against the whole line unless a name
says otherwise. Every pattern here is linear: no nested repetition, so long lines cost little.
"""

from __future__ import annotations

import re

# --- page chrome: lines of the page, not of the dispatch, dropped wherever they stand in the top part

CHROME_LINES = frozenset(
    line.casefold()
    for line in (
        "memri",
        "memri.org",  # the site's name as a copied logo
        "memri tv",  # the label of an embedded clip
        "logo",  # a logo's alternative text
        "Image default",  # a blog theme's stand-in for a post's picture
        "Advanced Search",  # a site's search box
        "Search Box",
        "Search This Blog",  # a Blogger theme's search box, over the post
        "Erweiterte Suche",
        "Recherche avancée",
        "Búsqueda avanzada",
        "Ricerca avanzata",
        "Webmaster",  # a site's own account as a post's author, under its date
        "admin",
        "Rédaction",
        "www.memri.org",
        "MEMRI - The Middle East Media Research Institute",
        "The Middle East Media Research Institute",
        "Donate Today",
        "Donate",
        "Subscribe Today",
        "Subscribe",
        "Log in",  # a site's login link, over the story
        "Login",
        "Member Login:",
        "cta-image",
        "Share Video:",
        "Share this Video:",
        "Share this article",
        "Share:",
        "Request a Clip",
        "Request Clip",
        "Print",
        "Print this page",
        "Drucken",  # the mirrors' and foreign news sites' print links
        "Imprimer",
        "Imprimir",
        "Stampa",
        "Drukuj",
        "Email",
        "E-mail",
        "Tweet",
        "Share",
        "Be Sociable, Share!",  # a blog's sharing widget
        "Feed on",  # a blog's feed link, its icon lost
        "Save",
        "Menu",
        "Navigation",  # a site's skip link to its menu
        "Search",
        "Suche",
        "Buscar",
        "Cerca",
        "Szukaj",
        "Close this search box.",  # a WordPress theme's search box, over the post's headline
        "Please verify",  # a site's check that the reader is no robot
        "Watch Live",  # a news site's bar
        "Live TV",
        "Skip to main content",
        "Skip to content",  # a WordPress theme's
        "Zum Hauptinhalt",  # the German sites' skip links and sign-up button
        "Zum Inhalt springen",
        "Abonnieren",
        "Primary Menu",
        "Menu principal",
        "Aller au contenu",
        "Recherche",
        "Newsletter Contribuer Connexion",  # the French mirror's bar
        "Back to top",
        "Back to Newsroom",  # a newswire's link over a press release
        "Print Report",  # an old TV page's buttons over its header
        "Increase Text Size",
        "Dieser Artikel im pdf-Format",  # a link to the page as a PDF
        "Download PDF",
        "PDF version",
        "Contact Me",
        "Contact Us",
        "top of page",  # a site builder's skip links, around the page
        "bottom of page",
        "Subscribe a Friend to Free Email List",
        "Subscribe to Additional E-Newsletters",
        "Support MEMRI",
        "Latest",
        "Home",
        "Printer Friendly",
        "Article excerpt",  # a library's label over the start of a paper's article it shows
        "fbpx",  # an advertiser's tracking code left as text
        "logo",  # a site's logo, its alt text
        "Font Size:",  # a news page's text-size buttons
        "Font Size",
        "|",
        "Archives",
        "Archive",
        "Printer-friendly version",
        "Previous page",
        "Show Details",  # a TV clip's teaser: "Show Details" / "Intro:" / ... / "View Transcript Page"
        "View Transcript Page",
        "Recent Posts",  # a blog's sidebar
        "Recent Comments",
        "MEMRI - Middle East Media Research Institute",
        "Trending Topics",
        "Trending Now",
        "Popular Posts",
        "Related Posts",
        "Most Popular",
        "Full Article",  # an aggregator's link to the page it excerpts
        "Read more",
        "Continue reading",
        # the institute's name and the mirrors' chrome in their languages
        "Institut de Recherche des Médias du Moyen-Orient",
        "Instituto de Investigación de Medios de Comunicación del Medio Oriente",
        "Das Nahost-Medienforschungsinstitut",
        "Instytut Badań Mediów Bliskiego Wschodu",
        "המכון לחקר תקשורת המזרח התיכון",
        "ממרי",
        "中東報道研究機関",
        "前のページ",
        "プリンターフレンドリー",
    )
)

# the start of an e-mail's link to its web page, which names what it links to: "To view this Special
# Dispatch in HTML format, visit"
PAGE_LINK = r"To (?:view|read|see) this (?P<linked>.{1,60}?) (?:in HTML(?: format)?|online|on (?:the|our) web ?site)"
COLUMN_LABEL = re.compile(r"(?:The )?MEMRI (?:Report|Column)")  # a newspaper column's name, under its title
SOCIAL_BUTTONS = (
    r"(?:Facebook|Twitter|X|WhatsApp|LinkedIn|Messenger|Reddit|Print|Imprimir|Email|E-mail|Correo|YouTube"
    r"|RSS(?: Feed)?|Telegram|Pinterest|Instagram|Tumblr|Pocket|Flipboard|Threads|TikTok|Gmail|Copy Link)"
)
CHROME_PATTERNS = re.compile(
    "|".join(
        (
            COLUMN_LABEL.pattern,
            r"Donations from readers like you\b.*",
            # the blog's own address under its label: "Blog: http://harbour-notes.example.it"
            r"(?:Blog|Website|Web site|Site|Sito|Webseite|Homepage)\s?:\s*(?:https?://|www\.)\S+",
            # a site's copyright line, copied above or below the story
            r"(?:©|\(c\)|Copyright)(?: ©)? ?(?:\d{4}[-–]?)?\d{4},? [^.]{1,60}\.? All [Rr]ights [Rr]eserved\.?",
            r"Subscribe to receive (?:daily or weekly )?MEMRI e-?mails\b.*",
            r"Media, government,? and academia can request\b.*",
            r"Find MEMRI On:.*",
            r"View this e-?mail in your browser\.?",
            r"(?:Having trouble|Trouble) viewing this e-?mail\b.*",
            r"Click here to view this e-?mail in (?:your|a) browser\.?",
            r"If you (?:cannot|can't|can’t) (?:see|view|read) this e-?mail\b.*",
            r"Follow (?:us|MEMRI) on\b.{0,80}",
            r"Sign up (?:for|to)\b.{1,60}",  # a newsletter's sign-up box over a site's story
            r"\d{1,3} (?:second|minute|hour|day|week|month|year)s? ago",  # an aggregator's stamp: "10 hours ago"
            r"\d{1,3} (?:out )?of \d{1,3} (?:Articles|Stories|Posts)",  # a site's carousel: "3 out of 11 Articles"
            r"(?:Website-Icon|Site icon)\b.{0,80}",  # a theme's icon, its alt text before the site's name
            r"Visit the .{1,60} Archives?",  # an aggregator's link to its past issues
            # an e-mail's link to its web page, the address often lost in the copy
            PAGE_LINK + r",? (?:please )?(?:visit|go to|click here)\b.{0,200}",
            r"[\w ().,'’&-]{1,80}\.(?:jpe?g|png|gif|webp|svg)",  # an image's file name left by the copy
            r"(?:<https?://[^<>\s]+>\s*)+",  # a link's or an image's address alone in angle brackets, its text lost
            r"Powered by \S+(?: \S+){0,3}",  # a platform's or an advertiser's badge: "Powered by WebAds"
            r"Showing posts (?:from|with label|for query|sorted by)\b.{0,80}",  # a blog's archive page's label
            # a row of sharing buttons or a site's social links: "Facebook WhatsApp Twitter Print Email"
            r"(?:(?:Share|Compartir|Partager|Teilen|Condividi|Udostępnij|Síguenos en|Follow us on|Suivez-nous sur)"
            # (the words' separators, a mark or spaces, never both as two runs of spaces: no backtracking)
            rf":?\s+)?{SOCIAL_BUTTONS}(?:(?:\s*[|•,]\s*|\s+){SOCIAL_BUTTONS}){{2,11}}(?:\s*[|•])?",
            r"(?:Print|Imprimir|Drucken|Imprimer)\s+(?:Email|E-mail|Mail)",  # a story's two buttons: "Print   Email"
            # a news site's video player's button, and its offer to read the story aloud
            r"close Video|(?:NEW)?\s?(?:You can now|Now you can) (?:listen|hearken) to [\w ]{1,40} articles!?",
            # a site's path over its headline, from its home page: "Home page World", "Startseite > Politik"
            # (a mark or a space between the words, never an empty one: a word is split no way)
            r"(?:Home ?page|Startseite|Accueil|Strona główna|Forside)(?:(?:\s*[>»›/|]\s*|\s+)\w+){1,3}"
            r"|Home\s*[>»›/|]\s*\w+(?:(?:\s*[>»›/|]\s*|\s+)\w+){0,2}",
            # a site's appeal to join it: "Click here to become a member now!", "Klikk her for å bli medlem nå!"
            r"(?:Click here|Klikk her|Klik her|Klicken Sie hier|Cliquez ici|Clicca qui|Haga clic aquí|Kliknij tutaj)"
            r"\b.{0,40}\b(?:member|medlem|Mitglied|membre|socio|subscrib|abonn|join|sign up)\w*\b.{0,30}",
            r"With your (?:support|help|donations?),? we\b.{0,80}",  # a site's appeal over its story
            # a site's name as its address: "(Online) Site.com"
            # (or several, a network's banner: "harbour.test.de / coast-news.de / pier.info")
            r"(?:\(\w{1,20}\) ?)?(?:(?:www\.)?[\w.-]{2,40}\.(?:com|org|net|info|co\.uk|org\.uk|fr|de|es|it|pl|il|ru)"
            r"(?:\s*[/|•]\s*|$)){1,8}",
            r"(?-i:(?=[^-]*-)[a-z-]{2,30}(?: [a-z-]{2,30}){1,7})",  # class names: "social-media login options"
            # a site's menu links glued together, four or more: "World NewsHarbour NewsLatest NewsPolitics"
            r"(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=[A-Z])(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?){3,9})",
            r"(?:An? )?(?:New )?(?:Report|Analysis|Translation|Video|Clip|Transcript)s? (?:from|by|via) MEMRI[.:]?",
            r"(?:«.{0,200}\| )?Main(?: \|.{0,200}»)?",  # a blog's "« Previous post | Main | Next post »"
            # a blog platform's bar over the blog: "Overblog Suivre ce blog", "Administration Créer mon blog"
            r"(?:Overblog\s+)?(?:Suivre ce blog|Follow this blog|Seguir este blog|Diesem Blog folgen)",
            r"(?:Administration\s+)?(?:Créer mon blog|Create a blog|Crear (?:un|mi) blog|Blog erstellen)",
            # an archive's link back to its index, or to a page it names: 'Back to "Harbour Notes"'
            r"(?:[«‹←<]{1,2} ?)?Back(?: to (?:top|home|list|[\"“][^\"“”]{1,60}[\"”]))?",
            # a reposter's heading of the authors and the title: "O. Tamsin and R. Sample/The Harbour's Year"
            # (not the institute's name after the names: "O. Tamsin/MEMRI/December 3" is a byline)
            r"(?-i:[A-Z]\.\s?[A-Z][\w'’-]+(?:(?:,| and) [A-Z]\.\s?[A-Z][\w'’-]+)*/(?!MEMRI\b)[A-Z].{10,300})",
            # a blog's category over its post: "In News & Reports", "Filed in Articles, Analysis"
            r"(?:Posted |Filed )?In (?:News|Reports?|Articles?|Blog|Posts?|Analysis|Opinion|Uncategori[sz]ed|Featured)"
            r"(?:\s*(?:&|,|and)\s*[\w-]+){0,3}",
            # an aggregator's page of a hashtag: "Latest news with #Harbour-Council"
            r"(?:Latest|Top|More|All|Recent) (?:news|stories|articles|posts) (?:with|about|on|tagged|for) #[\w-]{1,60}",
            # an old e-mail's address block and copyright line: "Middle East Media Research Institute (MEMRI)",
            # "Washington, DC 20006", "Phone: (202) 555-0100", "[MEMRI holds copyrights on all translations. ..."
            r"(?:The )?Middle East Media Research Institute \(MEMRI\)",
            # a blog's archive page: "Day: October 5, 2018", "Category: News" (not a title, "Archives: Port Vell ...")
            r"(?:Day|Month|Year)\s?: [\w ,./-]{0,30}\d[\w ,./-]{0,30}"
            r"|(?:Categor(?:y|ies)|Tags?|Archives?)\s?: \S+(?: \S+){0,2}",
            r"MEMRI\s*[-–—|:]\s*(?:The )?Middle East Media Research Institute",  # the site's name as a credit line
            # (the street before it on one line: "1815 H Street, NW Suite 404 Washington, DC 20006")
            r"(?-i:(?:\d{1,5} [\w .,#]{3,60}? )?[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2}\.? \d{5}(?:-\d{4})?)",
            r"(?:Phone|Tel|Fax)\s*:?\s*\+?[\d(][\d() .-]{6,20}",
            r"\[?MEMRI holds copyrights? on all translations\b.{0,120}",
            r"(?:with )?proper attribution\.?\]",
            # a video's view counter: "5 reproducciones", "1,204 views", "12 vues"
            r"\d[\d.,\u00a0\u202f ]{0,11}[kKmM]? ?(?:views|reproducciones|visualizaciones|vues|visualizzazioni"
            r"|Aufrufe|wyświetleń)",
        )
    ),
    re.IGNORECASE,
)

# a blog's links to the posts before and after it: "« Previous Next »", "« Poprzedni Następny »"
_PREVIOUS = "Previous|Prev|Older|Précédent|Anterior|Vorherige[rs]?|Poprzedni|Precedente|Vorige|Föregående"
_NEXT = "Next|Newer|Suivant|Siguiente|Nächste[rs]?|Następny|Successivo|Volgende|Nästa"
NAV_LINKS = re.compile(
    rf"(?:[«‹←<]{{1,2}}\s?(?:{_PREVIOUS})\b.{{0,80}}?)?(?:{_NEXT})\s?[»›→>]{{1,2}}"
    rf"|[«‹←<]{{1,2}}\s?(?:{_PREVIOUS})\b.{{0,80}}",
    re.IGNORECASE,
)

# --- a repost's own lines: dropped only before the dispatch's start (a blog's posting date, e-mail headers)

SEPARATOR = r"[-_=*~]{5,}"  # a line of dashes or underscores
# a blog's posting date: a comma after the weekday, or its day or month next (not "Friday Sermon
# Marks 40 Days"), and a number in it; in the mirrors' languages too
POSTING_DATE = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,\s|\s+(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)[a-z]*\.?\s+\d))(?=\D{0,40}\d).{2,40}"
    r"|(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"  # Dutch
    r"|måndag|mandag|tisdag|tirsdag|onsdag|torsdag|fredag|lördag|lørdag|söndag|søndag"  # Scandinavian
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela),?\s+(?:[^\W\d_]{3,12}\.?\s+)?\d.{4,40}"
    # a blog platform's stamp, the date and then its parts again: "8 mai 2017 1 08 /05 /mai /2017 13:58"
    r"|\d{1,2} [^\W\d_]{3,10}\.? \d{4} \d \d{2} /\d{2} /[^\W\d_]{3,10}\.? /\d{4} \d{1,2}:\d{2})"
)
REPOST_PATTERNS = re.compile(
    "|".join(
        (
            r"Post(?:ed)? by\b.{0,120}",  # also a forum's "Post by name on Oct 8, 2007 6:07:00 GMT -8"
            r"Posted on \d.{0,60}? by \S.{0,60}",  # a forum's "Posted on 06/12/2002 3:36:34 PM PDT by name"
            SEPARATOR,  # before what a post quotes
            r"Originally [Pp]osted by\b.{0,120}",
            r"Quote:?",
            r"(?:From|To|Cc|Sent|Date|Subject|Reply-To):\s.{0,200}",
            r"Re:\s.{0,200}",
            POSTING_DATE,
            r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s.{0,20})?",
            # a news site's stamp of when it posted the story, its time after the date: "October 15, 2015 8:29 am",
            # "November 12, 2018 | 9:46 PM EST"
            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4},?(?: \|)?"
            r" \d{1,2}:\d{2}\s?(?i:[ap]\.?m\.?)(?: [A-Z]{2,4})?",
            r"(?:[Dd]ate:?\s*)?\d{4}-\d{2}-\d{2}(?:[ T].{0,20})?",  # also a scraper's "date 2018-12-26"
            r"[Dd]ate\s+\d{4}-\d{2}",  # the scraper's stamp of a page dated by its month only, "date 2020-07"
            r"(?:\d+ )?[Cc]omments?:?",
            r"Labels?:.{0,200}",
            r"Permalink.{0,80}",
            # the credit alone over what the post quotes: "Courtesy of MEMRI", "H/T MEMRI TV"
            r"(?:[Cc]ourtesy of|[Vv]ia|[Hh]/?[Tt]:?|[Hh]at [Tt]ip:?)\s+(?:the\s+)?MEMRI(?:\s+TV)?\.?",
        )
    )
)

# --- notices that say the text is cut for non-subscribers (the dispatch is marked truncated)

SUBSCRIBER_NOTICES = re.compile(
    "|".join(
        (
            r"The full (?:text|version) of this (?:post|report|dispatch|article|item|document)"
            r" is available (?:only )?to (?:MEMRI['’]s )?(?:[\w&'’ ]{1,60} )?"
            r"(?:[Ss]ubscribers|[Mm]embers|registered users)",
            r"(?:This|The) (?:post|report|item) is available (?:only )?to (?:paying )?(?:[Ss]ubscribers|[Mm]embers)",
            r"Please log ?in or register to request subscription information",
            r"you must be (?:a (?:paying |registered )?(?:member|subscriber) of|subscribed to) (?:the )?"
            r"(?:MEMRI['’]s |MEMRI )?(?:JTTM|CJL|DTTM|Jihad and Terrorism|Domestic Terrorism)",
            r"(?:JTTM|CJL) subscribers can (?:(?:visit|view) this page to view the (?:full )?|(?:read|view) the full )"
            r"(?:report|post|text)",
            r"To read the full (?:report|post), (?:you must )?(?:log ?in|subscribe)",
            # opening its line, with the way to ask for it: "... Media and government employees can request a
            # full copy of this study"
            r"^This is a closed (?:report|post|document)\b\.?(?:\s+[\w ,]{1,60} can request a (?:full )?copy of this"
            r" (?:report|post|document|compilation|study))?",
            r"To request a (?:full )?copy of this (?:[\w&'’ ]{1,80} )?(?:report|post|dispatch|document)"
            r"(?:,? (?:please )?(?:send|e-?mail|write to|contact) .{0,160})?",
        )
    ),
    re.IGNORECASE,
)
# every notice above holds one of these (in any case): a paragraph that holds none is not searched
SUBSCRIBER_NOTICE_WORDS = (
    "full text",
    "full version",
    "is available",
    "log in",
    "login",
    "must be a",
    "must be subscribed",
    "subscribers can",
    "read the full",
    "copy of this",
    "closed report",
    "closed post",
    "closed document",
)
# a news aggregator's or a reposter's notice that it keeps excerpts only: "(Excerpt) Read more at
# memri.org" (a forum's marker), "I've snipped a little here to save space"
AGGREGATOR_NOTICE = re.compile(
    r"This source only provides truncated excerpts|^\(Excerpt\) Read more at\b|\bI(?:['’]ve| have) snipped\b"
    r"|^(?:Post|Story|Article) continues (?:on|at)\b"  # a syndicated post's link to the rest of it
    # ... or its outlet's: "Read more: The Harbour Post"
    r"|^Read more(?: at)?\s?:\s*(?:The )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}$"
    r"|^Article excerpt$",  # a library's copy of a paper's article: the start only
    re.IGNORECASE,
)
# the mirrors' words for them (Spanish, Polish, French, German, Italian); each holds one of
# MIRROR_NOTICE_LETTERS or "miembro", and only lines holding one are searched
MIRROR_NOTICE_LETTERS = "áłéäè"
MIRROR_NOTICES = re.compile(
    "|".join(
        (
            r"El texto completo de est[ea] (?:informe|reporte|despacho) está a disposición"
            r" (?:sólo |solo |únicamente )?de los (?:subscriptores|suscriptores)",
            r"Para (?:ver|leer) (?:este|estos|el|los) (?:informes?|reportes?|despachos?)\b.{0,60}? debe ser"
            r" (?:miembro|suscriptor|subscriptor)",
            r"Aby (?:zobaczyć|przeczytać) (?:te raporty|ten raport|cały raport|pełny raport)(?: w całości)?,?"
            r" (?:musisz|trzeba) być płatnym członkiem",
            r"Le texte (?:intégral|complet) de (?:ce|cette) (?:rapport|dépêche) est"
            r" (?:réservé|disponible|accessible) (?:uniquement )?(?:aux|pour les) abonnés",
            # the French mirror's notices under a monitor's item: an excerpt, or a part kept back
            r"Ceci est un extrait d[eu'’] ?(?:document|rapport|dépêche)\b.{0,120}? réservée? aux (?:services )?abonnés",
            r"met en ligne des informations partielles pour des raisons de sécurité",
            r"MEMRI ne (?:diffuse|publie) plus les détails\b",  # "... Pour obtenir le rapport intégral, ..."
            r"Der vollständige (?:Text|Bericht) (?:dieses|des) Berichts (?:ist|steht) nur (?:für )?Abonnenten",
            r"Il testo (?:completo|integrale) (?:di questo|del) (?:rapporto|dispaccio) è"
            r" (?:disponibile|riservato) (?:solo |soltanto )?(?:agli|per gli|ai) abbonati",
        )
    ),
    re.IGNORECASE,
)

# --- promotional boxes inside or under the text: dropped, and they set nothing

PROMO_LINES = re.compile(
    "|".join(
        (
            r"(?:MEMRI )?Jihad (?:and|&) Terrorism Threat Monitor(?: \(JTTM\))?",
            r"(?:JTTM|CJL) subscribers receive\b.*",
            r"For (?:JTTM |CJL )?subscription information,? click here\.?",
            r"Subscription information is available at this link\.?",
            r"(?:Click here|Visit) to (?:support|donate to) MEMRI\b.*",
            r"Read (?:the|The) Full (?:Report|Post|Article)\.?",
            r"Video owned by\W{0,3}MEMRI.{0,60}",  # a blog's credit of the clip it embedded ("- MEMRITV Institution")
            # a sponsor's banner over a mirror's page: "AVEC LE SOUTIEN DE LA FONDATION ..."
            r"(?:With the support of|Avec le soutien de|Con el apoyo de|Mit (?:der )?Unterstützung de[rs]"
            r"|Con il sostegno d[ei]|Przy wsparciu)\b.{3,100}",
        )
    ),
    re.IGNORECASE,
)

# --- series: the names headers use, what they mean, and the ones that never start a dispatch

SERIES = (
    "Special Dispatch",
    "Special Dispatch Series",
    "Inquiry & Analysis Series",
    "Inquiry & Analysis",
    "Inquiry and Analysis Series",
    "MEMRI Daily Brief",
    "Daily Brief",
    "Special Announcements",
    "Special Announcement",
    "Special Report",
    "Special Reports",  # an old series of its own: "August 31, 2004 Special Reports No. 32"
    "MEMRI TV Clip",
    "JTTM Weekly",
    "Islamist Websites Monitor",
    "Jihad and Terrorism Threat Monitor",
    "Iran Media Watch",
    "MEMRI Dispatch",
    "MEMRI Special Dispatch",
    "MEMRI Special Report",
    "Inquiry and Analysis",
    "Clip",
    "TV Clip",
    "MEMRI TV",
    "Dépêche fr.",  # the French mirror's own numbering (2009): not the English series' numbers
)

# the series names of the mirrors, one language a line (matched in any case), and the series each
# is: the mirrors print the English series' own numbers ("Dépêche spéciale n° 1215" is Special
# Dispatch No. 1215), so the model names the series the English way, whatever the language
FOREIGN_SERIES = {
    "Dépêche spéciale": "Special Dispatch", "Enquête et analyse": "Inquiry & Analysis Series",
    "Rapport spécial": "Special Report",  # French
    "Despacho Especial": "Special Dispatch", "Investigación y Análisis": "Inquiry & Analysis Series",
    "Informe Especial": "Special Report",  # Spanish
    "Komunikat specjalny": "Special Dispatch", "Analiza": "Inquiry & Analysis Series",
    "Raport specjalny": "Special Report",  # Polish
    "Sonderdepesche": "Special Dispatch", "Analyse": "Inquiry & Analysis Series",
    "Sonderbericht": "Special Report",  # German
    "Dispaccio speciale": "Special Dispatch", "Inchiesta e analisi": "Inquiry & Analysis Series",
    "Rapporto speciale": "Special Report",  # Italian
    "מברק מיוחד": "Special Dispatch", "ניתוח": "Inquiry & Analysis Series", "דו\"ח מיוחד": "Special Report",  # Hebrew
    "Спец. выпуск": "Special Dispatch", "Специальный выпуск": "Special Dispatch",  # Russian
    "Klip": "MEMRI TV Clip", "Клип": "MEMRI TV Clip",  # a TV clip's number, in Polish and Russian
}  # fmt: skip

SERIES_ALIASES = {
    "Special Dispatch Series": "Special Dispatch",
    "Inquiry & Analysis": "Inquiry & Analysis Series",
    "Inquiry and Analysis Series": "Inquiry & Analysis Series",
    "Inquiry and Analysis": "Inquiry & Analysis Series",
    "Special Announcement": "Special Announcements",
    "Daily Brief": "MEMRI Daily Brief",
    "MEMRI Dispatch": "Special Dispatch",
    "MEMRI Special Dispatch": "Special Dispatch",
    "MEMRI Special Report": "Special Report",
    "Clip": "MEMRI TV Clip",
    "TV Clip": "MEMRI TV Clip",
    "MEMRI TV": "MEMRI TV Clip",
    **FOREIGN_SERIES,
}

# the words before a dispatch's number, per language (``No. 12``, ``n° 12``, ``Nr. 12``, ``núm. 12``)
NUMBER_WORDS = ("No.", "No", "Nos.", "Nos", "Nr.", "Nr", "nr", "n°", "nº", "N°", "Nº", "núm.", "Núm.", "מס'", "№")

# a misspelt series name (``Speical Dispatch``) reads as the known name it is this close to (0 to 1)
SERIES_LIKENESS = 0.85

# Second words of two-word topics in an e-mail header (``Saudi Arabia``), where no line break
# separates the topics from the title.
TOPIC_TAIL_WORDS = frozenset(
    "Arabia Arab East Africa Asia Gulf Affairs Territories Authority Europe America Relations West World".split()
)

# Series printed inside a dispatch, under its own header: never a second header, never a new dispatch.
SUB_SERIES = frozenset(("Islamist Websites Monitor", "Iran Media Watch", "MEMRI TV Clip"))
# series whose numbers head digests of other reports: their items' bylines are the authors
DIGEST_SERIES = frozenset(("Special Announcements",))

# --- top of the page: words that are not titles

CONTENTS_WORDS = frozenset(
    word.casefold()
    for word in (
        "Contents", "Table of Contents", "In This Report",
        "Sommaire", "Table des matières",  # French
        "Inhalt", "Inhaltsverzeichnis",  # German
        "Spis treści",  # Polish
        "Índice", "Tabla de Contenidos", "Tabla de contenido", "Contenido",  # Spanish
        "Indice", "Sommario",  # Italian
        "תוכן העניינים", "תוכן עניינים",  # Hebrew
        "目次",  # Japanese
    )
)  # fmt: skip

# headings that open a text's first section, and contents words: never a title
NOT_TITLES = CONTENTS_WORDS | frozenset(
    word.casefold()
    for word in (
        "Introduction", "Summary", "Background", "Executive Summary",
        "Wprowadzenie", "Wstęp", "Streszczenie", "Tło",  # Polish
        "Introducción", "Resumen", "Antecedentes",  # Spanish
        "Einleitung", "Einführung", "Zusammenfassung", "Hintergrund",  # German
        "Introduzione", "Premessa", "Sintesi",  # Italian
        "Résumé", "Contexte",  # French
        "מבוא", "רקע", "תקציר",  # Hebrew
    )
)  # fmt: skip

# a chapter's label over its heading: the text is one chapter of a longer study, and has no title of its own
CHAPTER_LABEL = re.compile(
    r"(?i:Chapter|Part|Section|Chapitre|Partie|Capítulo|Parte|Kapitel|Teil|Capitolo|Rozdział|Część)"
    r" (?:[IVXLC]+|\d{1,2})\.?"
)

# --- bylines: the words that introduce authors, per language; a trailing "| MEMRI" is the site's

BYLINE_WORDS = ("By", "By:", "by", "Author:", "Authors:", "Par", "Par :", "Par:", "par", "Von", "Von:", "Autor:",
                "Autorin:", "Auteur :", "Auteur:", "Di", "di", "Por", "Por:", "por", "Przez", "Autor", "Autore:",
                "Autora:", "Autorzy:", "מאת", "מאת:", "Written by", "written by", "Byline:")  # fmt: skip
# the site after a byline: "By: A. One | MEMRI", "Par A. One * - MEMRI", "by A. One from MEMRI", the
# service's name too ("Par A. One | MEMRI Infos"; misspelt "MEMERI", and "/MEMRI/December 12/2016" with the date)
BYLINE_SITE_SUFFIX = re.compile(
    r"(?:\s*[|–—/-]\s*|\s+from\s+)MEM[A-Z]{0,2}RI(?: Infos| TV)?(?:\s*/(?P<date>[\w ,/]{0,30}))?\s*$", re.IGNORECASE
)
ADDRESS_STARTS = ("http://", "https://", "www.")  # how a web address begins
# an archive's labelled meta lines under a repost's title: "Publication: memri.org", "Date: October 20, 2014"
# (and a repost's "Source: https://..." over the title: the address it was copied from)
LABELLED_META = re.compile(
    r"(?P<label>Publication|Published(?: on| in)?|Date|URL|Link|Source(?=\s*:\s*https?://)|Topics)\s*:\s*"
    r"(?P<value>\S.{0,300})"
)

# --- digests: an e-mail or page of several items, each a link to a report, read as one document

# a digest e-mail's name and date, over its items ("MEMRI Daily: August 1, 2013", "The MEMRI Daily —
# Egypt: July 12, 2010"): a digest even without its opening sentence
DIGEST_NAME = re.compile(r"(?:The )?MEMRI (?:Daily|Weekly|TV Weekly|E-?mail Newsletter)\b.{0,40}[:—–-]\s*\S.{0,30}")

OPENING_WORDS = ("The following", "Following")  # how a digest's or a translation's opening sentence starts

# the sentence that opens a digest ("The following is research published today from MEMRI's ...")
DIGEST_INTRO = re.compile(
    r"The following (?:is|are) (?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|some|new|our"
    r"|the latest|selected|today's|a sampling of(?: recent)?) )?"
    r"(?:research|reports?|links|selections|items|dispatches)\b"
    r".{0,160}?\b(?:published|released|from)\b"
    # a compilation of clips: "The following are MEMRI TV clips of ...", not "... are clips from an interview"
    r"|The following (?:are|is a (?:compilation|selection) of) (?:(?:recent|some|new) )?MEMRI(?: TV)?"
    r" (?:clips|videos) (?:of|on|about)\b"
    # "The following are recent TV clips from MEMRI's TV Monitor Project ...", not "... clips from an interview"
    r"|The following are (?:(?:recent|some|new) )?(?:TV )?(?:clips|videos) from (?:the )?MEMRI(?:['’]s)? TV"
    r" (?:Monitor )?Project\b",
    re.IGNORECASE,
)

# --- month names per language (lowercase, genitive forms where a language uses them in dates)

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "he": ("בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר",
           "בנובמבר", "בדצמבר"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
}  # fmt: skip
# the languages whose mirrors' page templates may write the month first, in the English order ("Juin 24, 2013")
MONTH_FIRST_LANGUAGES = ("fr", "es", "it", "de", "pt", "nl")
MONTH_SPELLINGS = {"jänner": 1, "maerz": 3, "setiembre": 9, "fevrier": 2, "aout": 8, "decembre": 12}
# the mirrors' and their reposters' short month names, in dates written day first ("6 lut 2011",
# "6 févr. 2011", "6 ene. 2011"); the short names they share with English ("feb", "mar") the date
# patterns know already
MONTH_ABBREVIATIONS = {
    "sty": 1, "janv": 1, "ene": 1, "gen": 1,
    "lut": 2, "févr": 2, "fév": 2,
    "mär": 3,
    "kwi": 4, "avr": 4, "abr": 4,
    "mag": 5,
    "cze": 6, "giu": 6,
    "lip": 7, "juil": 7, "lug": 7,
    "sie": 8, "ago": 8,
    "wrz": 9, "set": 9,
    "paź": 10, "okt": 10, "ott": 10,
    "lis": 11,
    "gru": 12, "déc": 12, "dez": 12, "dic": 12,
}  # fmt: skip

# --- the body

# All-caps labels that head digest items ("EXCLUSIVE: ..."): headings, not speakers.
ITEM_LABELS = frozenset("EXCLUSIVE UPDATE BREAKING VIDEO WATCH READ REPORT ANALYSIS NEW SPECIAL URGENT".split())

# after the institute's name, one of its projects: "According to MEMRI JTTM ..." is its own voice
NOT_A_PROJECT = r"(?! (?:JTTM|TV|Lab)\b)"

# The stems of the words for a cartoon and a picture, in the mirrors' languages too (stems, so that
# plurals and cases count: "zdjęcia", "immagini"): "Caricatura No. 7" labels a cartoon, no series
CARTOON_WORDS = ("cartoon", "caricature", "karykatur", "karikatur", "dessins", "caricatur", "vignet")
# the words a numbered picture's label opens on: "Cartoon No. 2:", "Caricatura No. 6:", "Illustration No. 1:"
NUMBERED_PICTURES = ("Cartoon", "Caricature", "Caricatura", "Karykatura", "Karikatur", "Dessin", "Vignetta",
                     "Illustration", "Ilustración", "Image", "Imagen", "Photo", "Foto", "Picture",
                     "Zdjęcie")  # fmt: skip
PICTURE_WORDS = (*CARTOON_WORDS, "image", "photo", "picture", "poster", "zdjęci", "foto", "imagen", "bild", "immagin")

# a picture's place in brackets alone on its line, the picture lost: "(Screenshot)", "(Bildschirmfoto)"
PICTURE_PLACEHOLDERS = frozenset(
    "screenshot;screen shot;screengrab;screen capture;bildschirmfoto;capture d'écran;capture d’écran;"
    "captura de pantalla;zrzut ekranu;schermata;foto;photo;image;bild".split(";")
)

# where a cartoon's words stand in it, a label before them ('Top: "Green Harbour"'): no speaker, no heading
PICTURE_PLACINGS = frozenset("top bottom left right above below center centre".split())

# The label of a cartoon's artist on the line between its caption and its credit, in the mirrors'
# languages too ("Caricaturista: Orlo Sample")
ARTIST_LABELS = frozenset(
    "cartoonist artist caricaturista caricaturiste dessinateur karykaturzysta rysownik zeichner karikaturist"
    " vignettista".split()
)

# Words that look like a speaker's name before a colon but are not speakers.
NOT_SPEAKERS = frozenset(
    "note source sources fuente źródło quelle fonte intro introduction update background conclusion summary "
    "photo image video author autor by contents tags topics labels posted reminder announcement notice "
    "watch listen disclaimer memri".split()
) | {
    "memri tv",
    "excerpts",
    "extraits",
    "extractos",
    "auszüge",
    "fragmenty",
    "estratti",
    "transcript",
    "highlights",
    "key points",
}

# a label's first word that makes it a notice, whatever follows: "NOTE IMPORTANTE:", "Update 2:", "Wichtiger Hinweis:"
NOT_SPEAKER_OPENERS = frozenset("note nota notice update important importante wichtiger hinweis remarque".split())

# The roles transcripts name unnamed speakers by ("First little girl:", "Man in the crowd:"); a
# plural "s" is dropped before the look-up. A name with lower-case words is a speaker only with one.
SPEAKER_ROLES = frozenset(
    "girl boy child kid man woman lady host interviewer interviewee reporter journalist correspondent anchor "
    "presenter narrator voice caller crowd audience student pupil teacher soldier fighter preacher cleric imam "
    "sheikh official speaker participant guest panelist demonstrator protester worshipper singer choir "
    "announcer moderator mediator translator commentator spokesman spokeswoman officer commander member militant "
    "character actor actress puppet nurse doctor judge policeman guard prisoner driver citizen resident viewer "
    "visitor passerby priest rabbi king prince queen teen teenager youngster toddler baby pilgrim mourner "
    "wife husband son daughter mother father brother sister uncle aunt grandfather grandmother cousin friend "
    "terrorist bomber jihadist hostage captive worker farmer merchant shopkeeper screen "  # "TV screen": what it shows
    "mc emcee poet reciter "  # who leads a ceremony: "MC at the harbour festival"
    "children men women youth "  # a chorus: "Children in unison:"
    # the mirrors' words for them (French, Spanish, Italian, German, Polish)
    "foule public présentateur présentatrice animateur journaliste homme femme enfant fille garçon roi chœur choeur "
    "prédicateur cheikh invité invitée intervieweur participante "
    "multitud público entrevistador entrevistadora presentador presentadora periodista hombre mujer niño niña "
    "entrevistado entrevistada predicador jeque invitado invitada locutor locutora "
    "folla pubblico intervistatore conduttore giornalista uomo donna bambino bambina "
    "menge publikum moderatorin mann frau kind mädchen junge prediger scheich interviewer journalistin gast "
    "tłum publiczność prowadzący prowadząca dziennikarz dziennikarka mężczyzna kobieta dziecko "
    "człowiek kaznodzieja szejk widz uczestnik rozmówca gospodarz prezenter".split()
)

# what a transcript notes of the audience on a line of its own, its brackets lost ("Applause"), in
# the mirrors' languages too
STAGE_WORDS = frozenset(
    "applause laughter applaudissements rires aplausos risas oklaski śmiech beifall gelächter applausi risate".split()
)

# Offices a transcript names after a speaker's name, in lower case ("Orlo Tamsin, president of the
# harbour council:"); not speakers' labels on their own ("Former president: the deal ..." heads a section).
SPEAKER_OFFICES = frozenset(
    "president director chairman chairwoman chief editor deputy minister secretary leader founder head professor "
    "lecturer researcher expert analyst writer author poet ambassador lawyer doctor".split()
)

ARTICLES = frozenset("the a an".split())

# The last word of a news site's section in its breadcrumb ("US/World News", "Middle East/Opinion"):
# the site's, never the dispatch's topics.
SECTION_WORDS = frozenset("news opinion op-ed opinions blogs features".split())

# Small words that title case leaves in lower case.
SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over the to up via vs with".split())
# ... and in the mirrors' languages, as their sites' category names keep them ("Pays du Levant")
MIRROR_SMALL_WORDS = frozenset("de la le les du des et en del y e di della und der die das i w z na".split())

# Words that start a sentence: where a title ends in text whose line breaks were lost.
SENTENCE_OPENERS = frozenset(
    "On In According The A An Following Below Recently Last This These During After At Speaking Writing Since "
    "While When As It He She They Earlier Today Yesterday Over Amid".split()
)

# --- words of a translation boundary in the mirrors' languages ("Nous traduisons ci-dessous les extraits ... :"),
# beside the English "excerpts" and "translated": the line introduces the translated text
BOUNDARY_WORDS = (
    r"extraits?",  # French
    r"extractos?|fragmentos?|recopilaci[oó]n",  # Spanish ("A continuación se presenta una recopilación de ...:")
    r"fragment(?:y|ów)|przetłumaczon\w*|transkrypcj\w*|tekst(?:u)? (?:klipu|wywiadu|kazania|przemówienia)",  # Polish
    r"Ausz(?:ü|ue)ge?|übersetzt\w*|Transkript\w*",  # German (its umlauts may be spelt out)
    r"estratt[io]|brani|trascrizion\w*",  # Italian
    r"tradu\w*|transcri(?:ption|pción)\w*",  # French, Spanish, Italian
)

# what a TV transcript's translation boundary says of its clip ("..., which aired on Vellonian TV"),
# in the mirrors' languages too, beside a word for television ("diffusée sur la chaîne"; not a
# statement "diffusé sur les réseaux sociaux"): the lines under it are speakers' turns
AIRED_WORDS = (
    "aired",
    "broadcast",
    "televised",
    "diffus",
    "emitid",
    "transmitid",
    "trasmess",
    "ausgestrahlt",
    "presentad",
    "al aire",
)  # cheap look
_AIRED_ABROAD = (
    r"(?:diffusée?s?|emitid[oa]s?|transmitid[oa]s?|presentad[oa]s?|(?:puest[oa]s?|salió) al aire|trasmess[oa]"
    r"|ausgestrahlt)"
)
_TELEVISION = r"(?:\bTV\b|télé|chaîne|canal|televisi|Fernseh|Sender|cadena|emittente)"
AIRED = re.compile(
    rf"\b(?:aired|televised)\b|\bbroadcast (?:on|by)\b"
    rf"|\b{_AIRED_ABROAD}\b.{{0,60}}{_TELEVISION}|{_TELEVISION}.{{0,90}}\b{_AIRED_ABROAD}\b"
)

# the word before a picture's or a clip's source, in the mirrors' languages too ("Fuente: Medio")
SOURCE_WORDS = ("Source", "Fuente", "Źródło", "Quelle", "Fonte")
SOURCE_LABEL = rf"(?:{'|'.join(SOURCE_WORDS)})s?\s?:"  # "Source:", "Source :", "Fuente:", "Fuentes:"

# the word before a photograph's credit in the mirrors' languages ("Caption (Zdjęcie: Outlet)")
PHOTO_WORDS = ("Zdjęcie", "Foto", "Imagen", "Bild", "Immagine", "Fotografia", "Фото")

# news agencies a photograph's caption credits in brackets at its end ("Caption. (AFP)")
PHOTO_AGENCIES = frozenset(
    ("AFP", "AP", "AP Photo", "Reuters", "REUTERS", "Getty Images", "AFP/Getty Images", "EPA", "Anadolu", "Xinhua",
     "Flash90", "Flash 90", "iStock", "Shutterstock")
)  # fmt: skip

# words that cite another report before its header ("For more, see MEMRI Special Dispatch No. 1234")
SEE_WORDS = ("see", "see also", "cf", "patrz", "zobacz", "voir", "siehe", "ver", "véase", "vedi", "ראו")

# abbreviations whose stop ends no sentence inside a title ("Former Chief Gen. Orlo Tamsin")
ABBREVIATIONS = frozenset(
    "gen prof sen col maj mrs adm capt sgt gov rep lieut cmdr brig amb dept univ vol nos approx"
    # the mirrors' (French, Polish, Spanish, Italian, German)
    " adj gén płk mgr inż hab dott avv ing sig sra dña".split()
)


# verbs of saying, in the languages the institute and its mirrors write: a line whose subject says
# something before a colon introduces a quotation and is no headline
SAYING = frozenset(
    "said says added adds stated states declared declares told tells wrote writes asked asks explained explains"
    " continued continues noted notes replied replies answered answers concluded concludes warned warns urged"
    " urges vowed vows claimed claims insisted insists argued argues announced announces stressed stresses"
    " dit ajouté déclaré dijo dije añadió declaró powiedział powiedziała powiedzą dodał sagte erklärte disse"
    " aggiunto mówi mówię mówimy mówią powiedziałem powiedzieliśmy digo dice decimos dicen disons disent sage"
    " sagen sagt dico diciamo".split()
)
