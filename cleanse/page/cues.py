"""Words and phrases that mark a line as page furniture rather than article text.

Each table is data: lowercase phrases, matched either as the whole line (after
trimming punctuation and counters) or, where said, as a part of it. The phrasings
are the ones these sites print; sources: the footer, cookie-banner and share-button
texts of major news sites in each language (Spiegel, Zeit, BBC, Guardian, Le Monde,
El País, Corriere, NOS, Gazeta Wyborcza, RIA), the default strings of WordPress and
its translations (translate.wordpress.org), and the consent texts of common cookie
tools (Cookiebot, OneTrust, Didomi). Collected by hand for this project.

    >>> "impressum" in FOOTER_LINES, "we use cookies" in COOKIE_PHRASES
    (True, True)
"""

from __future__ import annotations

__all__ = [
    "AD_LINES",
    "ALL_RIGHTS_PHRASES",
    "COMMENT_PREFIXES",
    "COOKIE_LINES",
    "COOKIE_PHRASES",
    "FOOTER_LINES",
    "MENU_LINES",
    "RELATED_PREFIXES",
    "SHARE_LINES",
    "TAG_PREFIXES",
]

#: Part of a cookie-consent text, at any length: the line is the banner.
COOKIE_PHRASES: tuple[str, ...] = (
    "we use cookies", "this site uses cookies", "this website uses cookies",
    "uses cookies to", "accept cookies", "cookie settings", "cookie policy",
    "wir verwenden cookies", "wir nutzen cookies", "diese website verwendet cookies",
    "verwendet cookies", "cookie-einstellungen", "cookie-richtlinie",
    "nous utilisons des cookies", "utilise des cookies", "paramètres des cookies",
    "politique de cookies", "utilizamos cookies", "utiliza cookies",
    "política de cookies", "configuración de cookies", "utilizziamo i cookie",
    "utilizziamo cookie", "utilizza cookie", "utilizza i cookie",
    "informativa sui cookie", "wij gebruiken cookies", "maakt gebruik van cookies",
    "gebruikt cookies", "cookie-instellingen", "używamy plików cookie",
    "używa plików cookie", "pliki cookie", "polityka cookies",
    "мы используем файлы cookie", "использует файлы cookie", "файлы cookie",
    "использование cookie",
)  # fmt: skip

#: Whole lines that are consent buttons.
COOKIE_LINES: frozenset[str] = frozenset({
    "accept", "accept all", "accept all cookies", "reject all", "manage preferences",
    "manage cookies", "cookie settings", "cookies", "ok", "got it", "i agree",
    "akzeptieren", "alle akzeptieren", "ablehnen", "alle ablehnen", "einstellungen",
    "zustimmen", "einverstanden", "tout accepter", "tout refuser", "accepter",
    "refuser", "personnaliser", "j'accepte", "aceptar", "aceptar todas",
    "rechazar", "rechazar todas", "configurar", "accetta", "accetta tutti",
    "rifiuta", "rifiuta tutti", "personalizza", "accepteren", "alles accepteren",
    "weigeren", "akceptuję", "akceptuj", "zaakceptuj wszystkie", "odrzuć",
    "ustawienia", "принять", "принять все", "отклонить", "настройки", "согласен",
})  # fmt: skip

#: Part of a copyright line.
ALL_RIGHTS_PHRASES: tuple[str, ...] = (
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "tutti i diritti riservati",
    "alle rechten voorbehouden", "wszelkie prawa zastrzeżone",
    "все права защищены", "copyright",
)  # fmt: skip

#: Whole lines of a site footer: legal and contact links.
FOOTER_LINES: frozenset[str] = frozenset({
    "impressum", "datenschutz", "datenschutzerklärung", "datenschutzhinweise",
    "kontakt", "agb", "nutzungsbedingungen", "barrierefreiheit", "mediadaten",
    "karriere", "über uns", "privacy", "privacy policy", "privacy notice",
    "terms", "terms of use", "terms of service", "terms and conditions",
    "contact", "contact us", "about", "about us", "imprint", "accessibility",
    "careers", "advertise", "advertise with us", "sitemap", "help", "faq",
    "mentions légales", "politique de confidentialité", "nous contacter",
    "qui sommes-nous", "conditions générales", "cgu", "plan du site",
    "aviso legal", "política de privacidad", "contacto", "quiénes somos",
    "condiciones de uso", "mapa del sitio", "note legali", "contatti",
    "chi siamo", "termini e condizioni", "lavora con noi", "colofon",
    "colophon", "disclaimer", "privacybeleid", "over ons", "adverteren",
    "polityka prywatności", "regulamin", "o nas", "reklama w serwisie",
    "kontakt z redakcją", "политика конфиденциальности", "контакты", "о нас",
    "реклама на сайте", "пользовательское соглашение", "редакция",
})  # fmt: skip

#: Whole lines of share and follow buttons.
SHARE_LINES: frozenset[str] = frozenset({
    "share", "share this", "share this article", "share on facebook",
    "share on twitter", "tweet", "facebook", "twitter", "x", "whatsapp",
    "linkedin", "pinterest", "telegram", "reddit", "xing", "email", "e-mail",
    "print", "copy link", "follow us", "teilen", "artikel teilen", "drucken",
    "link kopieren", "folgen sie uns", "partager", "partager cet article",
    "imprimer", "suivez-nous", "compartir", "compartir en facebook", "imprimir",
    "síguenos", "condividi", "condividi su facebook", "stampa", "seguici",
    "delen", "deel dit artikel", "afdrukken", "volg ons", "udostępnij",
    "udostępnij artykuł", "drukuj", "obserwuj nas", "поделиться", "печать",
    "подписывайтесь", "vk", "ok.ru", "вконтакте", "одноклассники",
})  # fmt: skip

#: Whole lines that mark an advertisement slot.
AD_LINES: frozenset[str] = frozenset({
    "anzeige", "werbung", "advertisement", "ad", "ads", "sponsored",
    "publicité", "publicidad", "pubblicità", "advertentie", "reklama", "реклама",
})  # fmt: skip

#: Whole lines of site navigation and account links.
MENU_LINES: frozenset[str] = frozenset({
    "home", "startseite", "menü", "menu", "suche", "search", "anmelden", "login",
    "log in", "sign in", "register", "abonnieren", "subscribe", "newsletter",
    "abo", "mein konto", "my account", "accueil", "rechercher", "se connecter",
    "s'abonner", "inicio", "buscar", "iniciar sesión", "suscríbete", "cerca",
    "accedi", "abbonati", "zoeken", "inloggen", "abonneren", "szukaj",
    "zaloguj", "zaloguj się", "subskrybuj", "главная", "поиск", "войти",
    "подписаться", "skip to content", "zum inhalt springen", "aller au contenu",
    "ir al contenido", "vai al contenuto", "naar inhoud", "przejdź do treści",
    "перейти к содержимому", "back to top", "nach oben", "haut de page",
})  # fmt: skip

#: Openings of a line that announces related links or comments (at most 8 words).
RELATED_PREFIXES: tuple[str, ...] = (
    "read more", "read also", "related", "more on this", "more from",
    "you may also like", "you might also like", "recommended", "most read",
    "lesen sie auch", "mehr zum thema",
    "weitere artikel", "ähnliche artikel", "das könnte sie auch interessieren",
    "meistgelesen", "lire aussi",
    "à lire aussi", "a lire aussi", "sur le même sujet", "les plus lus",
    "vous aimerez aussi", "lee también", "noticias relacionadas",
    "más noticias", "lo más leído", "te puede interesar", "leggi anche",
    "articoli correlati", "potrebbe interessarti", "ti potrebbe piacere",
    "i più letti", "lees ook", "meer over", "meest gelezen",
    "gerelateerde artikelen", "czytaj też", "czytaj także", "zobacz też",
    "zobacz także", "najczęściej czytane", "читайте также", "похожие новости",
    "по теме", "самое читаемое",
)  # fmt: skip

#: Openings of a line that opens the comments (at most 8 words).
COMMENT_PREFIXES: tuple[str, ...] = (
    "comments", "leave a reply", "leave a comment", "kommentare",
    "schreibe einen kommentar", "schreiben sie einen kommentar", "commentaires",
    "laisser un commentaire", "comentarios", "deja un comentario", "commenti",
    "lascia un commento", "reacties", "reageer", "komentarze", "dodaj komentarz",
    "комментарии", "оставить комментарий",
)  # fmt: skip

#: Openings of a tag or topic line.
TAG_PREFIXES: tuple[str, ...] = (
    "tags:", "topics:", "themen:", "schlagwörter:", "mots-clés", "thèmes :",
    "etiquetas:", "temas:", "tag:", "argomenti:", "trefwoorden:", "onderwerpen:",
    "tagi:", "tematy:", "теги:", "темы:",
)  # fmt: skip
