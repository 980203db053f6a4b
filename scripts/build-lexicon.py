#!/usr/bin/env python3
"""Build the Pactwatch gazetteer lexicon (data/lexicon/*) from the open data folder.

Usage: python3 scripts/build-lexicon.py [SHARED_DATA_DIR] [--out data/lexicon]

SHARED_DATA_DIR defaults to ../shared/data (relative to the repository root).
Python 3.11 standard library only. The output is deterministic: the same input
gives byte-identical files (everything is sorted; no clocks, no randomness, no
hash-order dependence).

Outputs (all UTF-8, tab separated, one record a line, sorted):
  gazetteer.tsv   surface  kind  canonical  country_iso3_or_empty  extra
  countries.tsv   iso3  iso2  name  capital  demonyms(|-separated)  region
  given_names.txt one given name a line

Collision policy: one surface maps to one entry. When several candidates share a
surface, the kind priority decides (country > demonym > capital > organization >
person > equipment > equipment_class > city > region); within one kind, primary
surfaces beat generated variants (ASCII-folded, hyphen/space variants), then the
earlier source wins (curated lists first, then sources in the order they are read,
cities by population descending).

See data/SOURCES.md for what each source contributes and under which licence.
"""

from __future__ import annotations

import collections
import csv
import json
import os
import re
import sys
import unicodedata

KIND_PRIORITY = {
    "country": 0,
    "demonym": 1,
    "capital": 2,
    "organization": 3,
    "person": 4,
    "equipment": 5,
    "equipment_class": 6,
    "city": 7,
    "region": 8,
}

# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------

_SPECIAL_FOLD = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ı": "i",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "ʿ": "'", "ʾ": "'",
    "‐": "-", "‑": "-", "–": "-",
}


def ascii_fold(s: str) -> str:
    """Strip diacritics (NFKD, drop combining marks) and map a few special letters."""
    s = "".join(_SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def clean_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


_EN_ES = re.compile(r"^[A-Za-záéíóúñüÁÉÍÓÚÑÜ'’.\- ]+$")
_LATIN_OK = re.compile(r"^[A-Za-z0-9À-ɏḀ-ỿ'’.\- &/()]+$")


def is_latin(s: str) -> bool:
    return bool(_LATIN_OK.match(s))


LOWER_PARTICLES = {
    "of", "the", "and", "for", "on", "in", "to", "at", "by", "de", "del", "la", "las", "los",
    "el", "al", "da", "das", "do", "dos", "du", "des", "le", "van", "von", "der", "den", "y",
    "e", "et", "bin", "ibn", "bint", "wa", "wal", "an", "as", "ash", "ad", "ar", "az", "ul",
    "ud", "di", "ben",
}
NAME_LOWER_PARTICLES = {"de", "del", "la", "las", "los", "da", "das", "do", "dos", "du", "van",
                        "von", "der", "den", "y", "e", "bin", "ibn", "bint", "al", "el", "ul",
                        "ud", "di", "ben"}


def smart_title(phrase: str, acronyms: set[str], particles: set[str] = LOWER_PARTICLES) -> str:
    """Title-case an upper- or lower-case phrase. Known acronyms stay upper case;
    particles in non-initial position stay lower case; hyphen parts are capitalised
    (al-Assad keeps its lower-case article)."""
    words = phrase.split()
    out = []
    for i, w in enumerate(words):
        up = w.upper().strip("().,")
        if up in acronyms or re.fullmatch(r"[A-Z]\.([A-Z]\.)+", w.upper()):
            out.append(w.upper())
            continue
        parts = w.split("-")
        nparts = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if lp == "":
                nparts.append(p)
            elif (i > 0 or j > 0) and lp in particles:
                nparts.append(lp)
            elif j == 0 and len(parts) > 1 and lp in ("al", "el", "ad", "ar", "as", "ash", "az", "an", "at"):
                # Arabic article prefix: al-Assad (capitalised at phrase start only)
                nparts.append(lp.capitalize() if i == 0 else lp)
            elif lp.startswith("mc") and len(lp) > 2:
                nparts.append("Mc" + lp[2:].capitalize())
            elif "'" in lp and len(lp.split("'")[0]) <= 2 and len(lp.split("'")) == 2 and lp.split("'")[1]:
                a, b = lp.split("'")
                nparts.append(a.capitalize() + "'" + (b if b == "s" else b.capitalize()))
            else:
                nparts.append(lp.capitalize())
        out.append("-".join(nparts))
    return " ".join(out)


def plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# --------------------------------------------------------------------------------------
# The entry store with collision resolution
# --------------------------------------------------------------------------------------


class Store:
    def __init__(self) -> None:
        self.best: dict[str, tuple] = {}
        self.seq = 0
        self.dropped = collections.Counter()

    def add(self, surface, kind, canonical, iso3="", extra="", tier=0, variants=True, min_len=2):
        surface = clean_ws(surface)
        canonical = clean_ws(canonical)
        if not surface or "\t" in surface or len(surface) < min_len:
            return
        extra = clean_ws(extra).replace("\t", " ")
        self._put(surface, kind, canonical, iso3 or "", extra, tier)
        if variants:
            folded = ascii_fold(surface)
            if folded != surface and len(folded) >= 2:
                self._put(folded, kind, canonical, iso3 or "", extra, tier + 1)
            # Curly/straight apostrophe variants.
            if "'" in surface:
                self._put(surface.replace("'", "’"), kind, canonical, iso3 or "", extra, tier + 1)

    def _put(self, surface, kind, canonical, iso3, extra, tier):
        self.seq += 1
        rank = (KIND_PRIORITY[kind], tier, self.seq)
        cur = self.best.get(surface)
        if cur is None or rank < cur[0]:
            if cur is not None:
                self.dropped[(cur[1][0], kind)] += 1
            self.best[surface] = (rank, (kind, canonical, iso3, extra))

    def remove_if(self, pred):
        for s in [s for s, (_, v) in self.best.items() if pred(s, v)]:
            del self.best[s]

    def rows(self):
        for s in sorted(self.best):
            kind, canonical, iso3, extra = self.best[s][1]
            yield s, kind, canonical, iso3, extra


# --------------------------------------------------------------------------------------
# Curated lists (general world knowledge; documented in data/SOURCES.md)
# --------------------------------------------------------------------------------------

# Extra press forms of country names: iso3 -> surfaces.
CURATED_COUNTRY_NAMES = {
    "USA": ["U.S.", "US", "U.S.A.", "USA", "America", "United States", "United States of America",
            "Estados Unidos", "EE.UU.", "EEUU"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RUS": ["Russia", "Russian Federation"],
    "TUR": ["Türkiye", "Turkey", "Turkiye", "Republic of Turkey"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"],
    "PRK": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Persia"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia"],
    "VEN": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "COD": ["DRC", "DR Congo", "Democratic Republic of the Congo", "Democratic Republic of Congo",
            "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
    "CHN": ["China", "PRC", "People's Republic of China", "Mainland China"],
    "TWN": ["Taiwan", "Republic of China"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "VNM": ["Vietnam", "Viet Nam"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CZE": ["Czech Republic", "Czechia"],
    "MMR": ["Myanmar", "Burma"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MKD": ["North Macedonia", "Macedonia"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "NLD": ["Netherlands", "Holland"],
    "ARE": ["United Arab Emirates", "UAE", "U.A.E."],
    "SAU": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian Territories", "Occupied Palestinian Territories"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "LAO": ["Laos", "Lao PDR"],
    "TLS": ["East Timor", "Timor-Leste"],
    "BIH": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "FSM": ["Micronesia"],
    "GMB": ["Gambia", "The Gambia"],
    "BHS": ["Bahamas", "The Bahamas"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "BRN": ["Brunei"],
    "NZL": ["New Zealand"],
    "ZAF": ["South Africa"],
}

DEMONYM_EXTRA = {
    "USA": ["American", "Americans"],
    "GBR": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "ARG": ["Argentine", "Argentinian", "Argentines", "Argentinians"],
    "IRN": ["Iranian", "Iranians", "Persian"],
    "BOL": ["Bolivian", "Bolivians"],
    "NLD": ["Dutch"],
    "PHL": ["Filipino", "Filipinos", "Philippine"],
    "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"],
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "COD": ["Congolese"],
    "TUR": ["Turkish", "Turk", "Turks"],
    "CHN": ["Chinese"],
    "RUS": ["Russian", "Russians"],
    "UKR": ["Ukrainian", "Ukrainians"],
    "SAU": ["Saudi", "Saudis"],
    "YEM": ["Yemeni", "Yemenis"],
    "AFG": ["Afghan", "Afghans"],
    "VEN": ["Venezuelan", "Venezuelans"],
    "NZL": ["New Zealander", "Kiwi"],
}

# Regions and continents (kind region); iso3 where the region lies in one country.
CURATED_REGIONS = [
    ("Latin America", ""), ("South America", ""), ("Central America", ""), ("North America", ""),
    ("Caribbean", ""), ("the Caribbean", ""), ("Middle East", ""), ("Near East", ""),
    ("Western Hemisphere", ""), ("Southern Cone", ""), ("Andes", ""), ("Andean region", ""),
    ("Amazon", ""), ("Amazonia", ""), ("Europe", ""), ("Eastern Europe", ""), ("Western Europe", ""),
    ("Central Europe", ""), ("Northern Europe", ""), ("Southern Europe", ""), ("Africa", ""),
    ("Sub-Saharan Africa", ""), ("North Africa", ""), ("West Africa", ""), ("East Africa", ""),
    ("Central Africa", ""), ("Southern Africa", ""), ("Horn of Africa", ""), ("Sahel", ""),
    ("Maghreb", ""), ("Asia", ""), ("Central Asia", ""), ("South Asia", ""), ("Southeast Asia", ""),
    ("East Asia", ""), ("Asia-Pacific", ""), ("Indo-Pacific", ""), ("Pacific", ""), ("Arctic", ""),
    ("Antarctica", ""), ("Oceania", ""), ("Gulf", ""), ("Persian Gulf", ""), ("Arabian Gulf", ""),
    ("Gulf of Aden", ""), ("Gulf of Mexico", ""), ("Gulf of Oman", ""), ("Red Sea", ""),
    ("Black Sea", ""), ("Caspian Sea", ""), ("Mediterranean", ""), ("Mediterranean Sea", ""),
    ("Baltic", ""), ("Baltics", ""), ("Baltic Sea", ""), ("Balkans", ""), ("Western Balkans", ""),
    ("Caucasus", ""), ("South Caucasus", ""), ("North Caucasus", "RUS"), ("Levant", ""),
    ("Korean Peninsula", ""), ("South China Sea", ""), ("East China Sea", ""), ("Taiwan Strait", ""),
    ("Strait of Hormuz", ""), ("Bab el-Mandeb", ""), ("Suez Canal", "EGY"), ("Panama Canal", "PAN"),
    ("Gaza Strip", "PSE"), ("Gaza", "PSE"), ("West Bank", "PSE"), ("Golan Heights", "SYR"),
    ("Donbas", "UKR"), ("Donbass", "UKR"), ("Crimea", "UKR"), ("Crimean Peninsula", "UKR"),
    ("Kashmir", ""), ("Kurdistan", ""), ("Iraqi Kurdistan", "IRQ"), ("Kurdistan Region", "IRQ"),
    ("Darfur", "SDN"), ("Tigray", "ETH"), ("Nagorno-Karabakh", "AZE"), ("Transnistria", "MDA"),
    ("Abkhazia", "GEO"), ("South Ossetia", "GEO"), ("Xinjiang", "CHN"), ("Tibet", "CHN"),
    ("Sinai", "EGY"), ("Sinai Peninsula", "EGY"), ("Idlib", "SYR"), ("Chapare", "BOL"),
    ("Essequibo", "GUY"), ("Darién Gap", ""), ("Tri-Border Area", ""), ("Triple Frontier", ""),
    ("Scandinavia", ""), ("Nordic", ""), ("Iberia", ""), ("Iberian Peninsula", ""), ("Anatolia", "TUR"),
    ("Siberia", "RUS"), ("Far East", ""), ("Russian Far East", "RUS"), ("Eurasia", ""),
    ("Global South", ""), ("Indian Ocean", ""), ("Atlantic", ""), ("Atlantic Ocean", ""),
    ("Pacific Ocean", ""), ("Arabian Sea", ""), ("Sea of Japan", ""), ("Yellow Sea", ""),
    ("Sea of Azov", ""), ("Kerch Strait", ""), ("Strait of Gibraltar", ""), ("English Channel", ""),
    ("Arabian Peninsula", ""), ("Persian Gulf region", ""), ("Gulf region", ""), ("Eastern Ukraine", "UKR"),
    ("Northern Syria", "SYR"), ("Southern Lebanon", "LBN"), ("South Lebanon", "LBN"), ("Bekaa Valley", "LBN"),
    ("Hadramawt", "YEM"), ("Marib", "YEM"), ("Cabo Delgado", "MOZ"), ("Lake Chad", ""), ("Lake Chad Basin", ""),
    ("Liptako-Gourma", ""), ("Balochistan", "PAK"), ("Khyber Pakhtunkhwa", "PAK"), ("Punjab", ""),
    ("Mindanao", "PHL"), ("Patagonia", ""), ("Orinoco", "VEN"), ("Orinoco Mining Arc", "VEN"),
    ("Zulia", "VEN"), ("Catatumbo", "COL"), ("Cauca", "COL"), ("Petén", "GTM"), ("Sinaloa", "MEX"),
    ("Tamaulipas", "MEX"), ("Michoacán", "MEX"), ("Jalisco", "MEX"), ("Chihuahua", "MEX"),
    ("Guerrero", "MEX"), ("Sonora", "MEX"), ("Baja California", "MEX"), ("Santa Cruz Department", "BOL"),
    ("Beni", "BOL"), ("Pando", "BOL"), ("Altiplano", ""), ("Yungas", "BOL"), ("Tarija", "BOL"),
    ("Eastern Mediterranean", ""), ("Black Sea region", ""), ("Horn", ""), ("Euro-Atlantic", ""),
    ("Transatlantic", ""), ("Zaporizhzhia Oblast", "UKR"), ("Kherson Oblast", "UKR"),
    ("Donetsk Oblast", "UKR"), ("Luhansk Oblast", "UKR"), ("Kharkiv Oblast", "UKR"),
    ("Kursk Oblast", "RUS"), ("Belgorod Oblast", "RUS"), ("Kaliningrad Oblast", "RUS"),
    ("Northern Ireland", "GBR"), ("Scotland", "GBR"), ("Wales", "GBR"), ("England", "GBR"),
    ("Hokkaido", "JPN"), ("Okinawa", "JPN"), ("Hainan", "CHN"), ("Tibet Autonomous Region", "CHN"),
    ("Inner Mongolia", "CHN"), ("Guangdong", "CHN"), ("Fujian", "CHN"), ("Sistan and Baluchestan", "IRN"),
    ("Khuzestan", "IRN"), ("Hormozgan", "IRN"), ("Anbar", "IRQ"), ("Nineveh", "IRQ"),
    ("Kirkuk Governorate", "IRQ"), ("Deir ez-Zor", "SYR"), ("Raqqa", "SYR"), ("Hasakah", "SYR"),
    ("Latakia", "SYR"), ("Hama", "SYR"), ("Homs", "SYR"), ("Quneitra", "SYR"), ("Negev", "ISR"),
    ("Galilee", "ISR"), ("Judea and Samaria", "PSE"), ("East Jerusalem", "PSE"), ("Nuristan", "AFG"),
    ("Helmand", "AFG"), ("Panjshir", "AFG"), ("Waziristan", "PAK"), ("Jammu and Kashmir", "IND"),
    ("Ladakh", "IND"), ("Arunachal Pradesh", "IND"), ("Manipur", "IND"), ("Rakhine", "MMR"),
    ("Shan State", "MMR"), ("Kachin", "MMR"), ("Tigray Region", "ETH"), ("Amhara", "ETH"),
    ("Oromia", "ETH"), ("Kordofan", "SDN"), ("North Darfur", "SDN"), ("Blue Nile", "SDN"),
    ("Ituri", "COD"), ("North Kivu", "COD"), ("South Kivu", "COD"), ("Cyrenaica", "LBY"),
    ("Tripolitania", "LBY"), ("Fezzan", "LBY"), ("Western Sahara", ""), ("Puntland", "SOM"),
    ("Somaliland", "SOM"), ("Jubaland", "SOM"), ("Kurdistan Region of Iraq", "IRQ"),
]
US_STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia_state
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York_State North_Carolina
North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah
Vermont Virginia Washington_State West_Virginia Wisconsin Wyoming District_of_Columbia""".split()
OTHER_DIVISIONS = [
    ("Ontario", "CAN"), ("Quebec", "CAN"), ("Québec", "CAN"), ("British Columbia", "CAN"), ("Alberta", "CAN"),
    ("Manitoba", "CAN"), ("Saskatchewan", "CAN"), ("Nova Scotia", "CAN"), ("New Brunswick", "CAN"), ("Yukon", "CAN"),
    ("Nunavut", "CAN"), ("Newfoundland", "CAN"), ("New South Wales", "AUS"), ("Queensland", "AUS"),
    ("Tasmania", "AUS"), ("Western Australia", "AUS"), ("South Australia", "AUS"), ("Northern Territory", "AUS"),
    ("Bavaria", "DEU"), ("Catalonia", "ESP"), ("Andalusia", "ESP"), ("Basque Country", "ESP"), ("Sicily", "ITA"),
    ("Sardinia", "ITA"), ("Corsica", "FRA"), ("Brittany", "FRA"), ("Normandy", "FRA"), ("Flanders", "BEL"),
    ("Wallonia", "BEL"), ("Chechnya", "RUS"), ("Dagestan", "RUS"), ("Tatarstan", "RUS"), ("Bashkortostan", "RUS"),
    ("Buenos Aires Province", "ARG"), ("Mendoza Province", "ARG"), ("Zulia State", "VEN"), ("Táchira", "VEN"),
    ("Apure", "VEN"), ("Bolívar State", "VEN"), ("Amazonas", ""), ("Antioquia", "COL"), ("Nariño", "COL"),
    ("Putumayo", "COL"), ("Rio Grande do Sul", "BRA"), ("Minas Gerais", "BRA"), ("Bahia", "BRA"),
    ("Sindh", "PAK"), ("Kerala", "IND"), ("Tamil Nadu", "IND"),
    ("Uttar Pradesh", "IND"), ("Maharashtra", "IND"), ("Gujarat", "IND"), ("West Bengal", "IND"), ("Assam", "IND"),
]

# Curated English names of capitals/cities that the data spells differently or lacks.
CURATED_CITIES = [
    # (surface, canonical, iso3, kind)
    ("El Alto", "El Alto", "BOL", "city"),
    ("Sana'a", "Sanaa", "YEM", "capital"), ("Sanaa", "Sanaa", "YEM", "capital"),
    ("Kandahar", "Kandahar", "AFG", "city"), ("Avdiivka", "Avdiivka", "UKR", "city"),
    ("Rafah", "Rafah", "PSE", "city"), ("Khan Yunis", "Khan Yunis", "PSE", "city"),
    ("Khan Younis", "Khan Yunis", "PSE", "city"), ("Hodeidah", "Hodeidah", "YEM", "city"),
    ("Hudaydah", "Hodeidah", "YEM", "city"), ("Natanz", "Natanz", "IRN", "city"),
    ("Fordow", "Fordow", "IRN", "city"), ("Bushehr", "Bushehr", "IRN", "city"),
    ("Zaporizhzhia", "Zaporizhzhia", "UKR", "city"), ("Zaporizhia", "Zaporizhzhia", "UKR", "city"),
    ("St. Petersburg", "Saint Petersburg", "RUS", "city"), ("St Petersburg", "Saint Petersburg", "RUS", "city"),
    ("Saint Petersburg", "Saint Petersburg", "RUS", "city"), ("Bakhmut", "Bakhmut", "UKR", "city"),
    ("Kiev", "Kyiv", "UKR", "capital"), ("Odessa", "Odesa", "UKR", "city"),
    ("Bogota", "Bogotá", "COL", "capital"), ("Medellin", "Medellín", "COL", "city"),
    ("Washington, D.C.", "Washington, D.C.", "USA", "capital"), ("Washington DC", "Washington, D.C.", "USA", "capital"),
    ("Washington D.C.", "Washington, D.C.", "USA", "capital"), ("Washington", "Washington, D.C.", "USA", "capital"),
    ("New York", "New York City", "USA", "city"), ("Mexico City", "Mexico City", "MEX", "capital"),
    ("Beirut", "Beirut", "LBN", "capital"), ("Jerusalem", "Jerusalem", "ISR", "capital"),
    ("Tel Aviv", "Tel Aviv", "ISR", "city"), ("Gaza City", "Gaza City", "PSE", "city"),
    ("Kursk", "Kursk", "RUS", "city"), ("Belgorod", "Belgorod", "RUS", "city"),
    ("Sevastopol", "Sevastopol", "UKR", "city"), ("Mariupol", "Mariupol", "UKR", "city"),
    ("Kharkiv", "Kharkiv", "UKR", "city"), ("Kharkov", "Kharkiv", "UKR", "city"),
    ("Pokrovsk", "Pokrovsk", "UKR", "city"), ("Kupiansk", "Kupiansk", "UKR", "city"),
    ("Santa Cruz de la Sierra", "Santa Cruz de la Sierra", "BOL", "city"),
    ("Cochabamba", "Cochabamba", "BOL", "city"), ("La Paz", "La Paz", "BOL", "capital"),
    ("Sucre", "Sucre", "BOL", "capital"), ("Caracas", "Caracas", "VEN", "capital"),
    ("Maracay", "Maracay", "VEN", "city"), ("Buenos Aires", "Buenos Aires", "ARG", "capital"),
    ("Aleppo", "Aleppo", "SYR", "city"), ("Mosul", "Mosul", "IRQ", "city"), ("Erbil", "Erbil", "IRQ", "city"),
    ("Goma", "Goma", "COD", "city"), ("El Fasher", "El Fasher", "SDN", "city"),
    ("Port Sudan", "Port Sudan", "SDN", "city"), ("Tripoli", "Tripoli", "LBY", "capital"),
    ("Benghazi", "Benghazi", "LBY", "city"), ("Hong Kong", "Hong Kong", "HKG", "city"),
    ("Macau", "Macau", "MAC", "city"), ("Bandar Abbas", "Bandar Abbas", "IRN", "city"),
    ("Isfahan", "Isfahan", "IRN", "city"), ("Esfahan", "Isfahan", "IRN", "city"),
]

# Well-known news agencies, outlets and platforms: (name, aliases, iso3).
CURATED_MEDIA = [
    ("Associated Press", ["AP", "The Associated Press"], "USA"), ("Reuters", ["Thomson Reuters"], "GBR"),
    ("Agence France-Presse", ["AFP", "Agence France Presse"], "FRA"),
    ("Islamic Republic News Agency", ["IRNA"], "IRN"), ("Tasnim News Agency", ["Tasnim"], "IRN"),
    ("Fars News Agency", ["Fars News", "Fars"], "IRN"), ("Press TV", ["PressTV"], "IRN"),
    ("Mehr News Agency", ["Mehr News", "Mehr"], "IRN"), ("ISNA", ["Iranian Students' News Agency"], "IRN"),
    ("IRIB", ["Islamic Republic of Iran Broadcasting"], "IRN"), ("Kayhan", [], "IRN"),
    ("Tehran Times", [], "IRN"), ("TASS", ["ITAR-TASS"], "RUS"), ("RIA Novosti", ["RIA"], "RUS"),
    ("Sputnik", ["Sputnik News"], "RUS"), ("RT", ["Russia Today"], "RUS"), ("Interfax", [], "RUS"),
    ("Kommersant", [], "RUS"), ("Izvestia", [], "RUS"), ("Xinhua", ["Xinhua News Agency"], "CHN"),
    ("CGTN", ["China Global Television Network"], "CHN"), ("Global Times", [], "CHN"),
    ("People's Daily", [], "CHN"), ("China Daily", [], "CHN"), ("CCTV", ["China Central Television"], "CHN"),
    ("South China Morning Post", ["SCMP"], "HKG"), ("Al Jazeera", ["Al-Jazeera", "Aljazeera"], "QAT"),
    ("Al Arabiya", ["Al-Arabiya"], "ARE"), ("Al Mayadeen", ["Al-Mayadeen"], "LBN"),
    ("Al-Manar", ["Al Manar"], "LBN"), ("BBC", ["British Broadcasting Corporation", "BBC News"], "GBR"),
    ("CNN", ["Cable News Network"], "USA"), ("Fox News", [], "USA"), ("NBC News", ["NBC"], "USA"),
    ("CBS News", ["CBS"], "USA"), ("ABC News", [], "USA"), ("NPR", ["National Public Radio"], "USA"),
    ("Infobae", [], "ARG"), ("EFE", ["Agencia EFE"], "ESP"), ("Europa Press", [], "ESP"),
    ("Anadolu Agency", ["Anadolu"], "TUR"), ("TRT World", ["TRT"], "TUR"),
    ("Daily Sabah", [], "TUR"), ("Yonhap", ["Yonhap News Agency"], "KOR"),
    ("Kyodo News", ["Kyodo"], "JPN"), ("NHK", [], "JPN"), ("Nikkei", ["Nikkei Asia"], "JPN"),
    ("Korean Central News Agency", ["KCNA"], "PRK"), ("Rodong Sinmun", [], "PRK"),
    ("Times of Israel", ["The Times of Israel"], "ISR"), ("Haaretz", [], "ISR"),
    ("Jerusalem Post", ["The Jerusalem Post"], "ISR"), ("Ynet", ["Ynetnews"], "ISR"),
    ("Clarín", ["Clarin"], "ARG"), ("La Nación", ["La Nacion"], "ARG"), ("Página/12", ["Pagina 12"], "ARG"),
    ("El País", ["El Pais"], "ESP"), ("El Mundo", [], "ESP"),
    ("Bloomberg", ["Bloomberg News"], "USA"), ("New York Times", ["The New York Times", "NYT"], "USA"),
    ("Washington Post", ["The Washington Post"], "USA"), ("Wall Street Journal", ["The Wall Street Journal", "WSJ"], "USA"),
    ("Financial Times", ["FT"], "GBR"), ("Guardian", ["The Guardian"], "GBR"), ("The Times", [], "GBR"),
    ("The Telegraph", ["Daily Telegraph"], "GBR"), ("The Economist", ["Economist"], "GBR"),
    ("Politico", [], "USA"), ("Axios", [], "USA"), ("The Hill", [], "USA"), ("Defense News", [], "USA"),
    ("Breaking Defense", [], "USA"), ("Janes", ["Jane's", "Jane's Defence Weekly"], "GBR"),
    ("Military Times", [], "USA"), ("Stars and Stripes", [], "USA"), ("Newsweek", [], "USA"),
    ("USA Today", [], "USA"), ("Los Angeles Times", ["LA Times"], "USA"),
    ("Voice of America", ["VOA"], "USA"), ("Radio Free Europe/Radio Liberty", ["RFE/RL", "Radio Free Europe", "Radio Liberty"], "USA"),
    ("Deutsche Welle", ["DW"], "DEU"), ("Der Spiegel", ["Spiegel"], "DEU"), ("Le Monde", [], "FRA"),
    ("France 24", [], "FRA"), ("Le Figaro", [], "FRA"), ("RFI", ["Radio France Internationale"], "FRA"),
    ("ANSA", [], "ITA"), ("Corriere della Sera", [], "ITA"), ("Ukrinform", [], "UKR"),
    ("Kyiv Independent", ["The Kyiv Independent"], "UKR"), ("Ukrainska Pravda", [], "UKR"),
    ("Meduza", [], "LVA"), ("Novaya Gazeta", [], "RUS"), ("Dawn", [], "PAK"), ("Geo News", [], "PAK"),
    ("Press Trust of India", ["PTI"], "IND"), ("The Hindu", [], "IND"), ("Times of India", [], "IND"),
    ("NDTV", [], "IND"), ("Folha de S.Paulo", ["Folha"], "BRA"), ("O Globo", ["Globo"], "BRA"),
    ("Agência Brasil", ["Agencia Brasil"], "BRA"), ("El Universal", [], "MEX"), ("Milenio", [], "MEX"),
    ("El Tiempo", [], "COL"), ("Semana", [], "COL"), ("El Comercio", [], "PER"),
    ("La Razón", ["La Razon"], "BOL"), ("El Deber", [], "BOL"), ("Los Tiempos", [], "BOL"),
    ("Página Siete", ["Pagina Siete"], "BOL"), ("ABI", ["Agencia Boliviana de Información"], "BOL"),
    ("Telesur", ["teleSUR", "TeleSUR"], "VEN"), ("VTV", ["Venezolana de Televisión"], "VEN"),
    ("El Nacional", [], "VEN"), ("Efecto Cocuyo", [], "VEN"), ("Prensa Latina", [], "CUB"),
    ("Granma", [], "CUB"), ("Cubadebate", [], "CUB"), ("Saudi Press Agency", [], "SAU"),
    ("WAM", ["Emirates News Agency"], "ARE"), ("SANA", ["Syrian Arab News Agency"], "SYR"),
    ("MENA", ["Middle East News Agency"], "EGY"), ("Al-Ahram", ["Al Ahram"], "EGY"),
    ("Asharq Al-Awsat", [], "SAU"), ("Middle East Eye", [], "GBR"), ("Al-Monitor", [], "USA"),
    ("Bellingcat", [], "NLD"), ("Twitter", [], "USA"), ("X", [], "USA"), ("Telegram", [], "ARE"),
    ("Facebook", [], "USA"), ("Instagram", [], "USA"), ("YouTube", [], "USA"), ("TikTok", [], "CHN"),
    ("WhatsApp", [], "USA"), ("Truth Social", [], "USA"), ("Weibo", [], "CHN"), ("VKontakte", ["VK"], "RUS"),
    ("Agencia de Noticias Andina", ["Andina"], "PER"), ("Notimex", [], "MEX"),
]

# Armed forces, security and government bodies, think tanks: (name, aliases, iso3, subkind).
CURATED_SECURITY = [
    ("Islamic Revolutionary Guard Corps", ["IRGC", "Revolutionary Guards", "Revolutionary Guard", "Islamic Revolutionary Guards Corps", "Sepah", "Pasdaran"], "IRN", "government"),
    ("Quds Force", ["IRGC-QF", "IRGC Quds Force", "Qods Force"], "IRN", "government"),
    ("Basij", ["Basij militia"], "IRN", "government"), ("Artesh", [], "IRN", "government"),
    ("Ministry of Intelligence", ["MOIS"], "IRN", "government"),
    ("Wagner Group", ["Wagner", "PMC Wagner"], "RUS", "armed_group"), ("Africa Corps", [], "RUS", "government"),
    ("Pentagon", ["The Pentagon"], "USA", "government"), ("Central Intelligence Agency", ["CIA"], "USA", "government"),
    ("Federal Bureau of Investigation", ["FBI"], "USA", "government"),
    ("Drug Enforcement Administration", ["DEA"], "USA", "government"),
    ("Department of Justice", ["DOJ", "Justice Department"], "USA", "government"),
    ("State Department", ["Department of State", "U.S. State Department", "US State Department"], "USA", "government"),
    ("Department of Defense", ["DoD", "Defense Department", "U.S. Department of Defense", "Department of War", "War Department"], "USA", "government"),
    ("Department of the Treasury", ["Treasury Department", "U.S. Treasury", "Treasury"], "USA", "government"),
    ("Office of Foreign Assets Control", ["OFAC"], "USA", "government"),
    ("Department of Homeland Security", ["DHS", "Homeland Security"], "USA", "government"),
    ("White House", ["The White House"], "USA", "government"), ("National Security Council", ["NSC"], "USA", "government"),
    ("U.S. Southern Command", ["SOUTHCOM", "Southern Command", "US Southern Command"], "USA", "government"),
    ("U.S. Central Command", ["CENTCOM", "Central Command", "US Central Command"], "USA", "government"),
    ("U.S. European Command", ["EUCOM", "European Command"], "USA", "government"),
    ("U.S. Indo-Pacific Command", ["INDOPACOM", "Indo-Pacific Command"], "USA", "government"),
    ("U.S. Africa Command", ["AFRICOM", "Africa Command"], "USA", "government"),
    ("U.S. Northern Command", ["NORTHCOM", "Northern Command"], "USA", "government"),
    ("U.S. Army", ["US Army"], "USA", "government"), ("U.S. Navy", ["US Navy"], "USA", "government"),
    ("U.S. Air Force", ["US Air Force", "USAF"], "USA", "government"), ("U.S. Marine Corps", ["USMC", "Marine Corps"], "USA", "government"),
    ("U.S. Coast Guard", ["Coast Guard", "US Coast Guard"], "USA", "government"),
    ("National Security Agency", ["NSA"], "USA", "government"), ("Congress", ["U.S. Congress", "US Congress"], "USA", "government"),
    ("Senate", ["U.S. Senate", "US Senate"], "USA", "government"), ("House of Representatives", ["U.S. House"], "USA", "government"),
    ("Kremlin", ["The Kremlin"], "RUS", "government"), ("Federal Security Service", ["FSB"], "RUS", "government"),
    ("GRU", ["Main Intelligence Directorate"], "RUS", "government"), ("SVR", ["Foreign Intelligence Service of Russia"], "RUS", "government"),
    ("Russian Ministry of Defense", ["Russian Defense Ministry", "Russian Defence Ministry"], "RUS", "government"),
    ("Rosgvardia", ["National Guard of Russia"], "RUS", "government"),
    ("Ukrainian Armed Forces", ["Armed Forces of Ukraine", "ZSU"], "UKR", "government"),
    ("Security Service of Ukraine", ["SBU"], "UKR", "government"), ("HUR", ["Ukrainian military intelligence", "GUR"], "UKR", "government"),
    ("People's Liberation Army", ["PLA", "PLA Navy", "PLAN"], "CHN", "government"),
    ("Ministry of State Security", ["MSS"], "CHN", "government"),
    ("Israel Defense Forces", ["IDF", "Israeli Defense Forces", "Tsahal"], "ISR", "government"),
    ("Mossad", [], "ISR", "government"), ("Shin Bet", ["Shabak"], "ISR", "government"),
    ("Bolivarian National Armed Forces", ["FANB", "Fuerza Armada Nacional Bolivariana"], "VEN", "government"),
    ("SEBIN", ["Bolivarian National Intelligence Service"], "VEN", "government"),
    ("DGCIM", ["General Directorate of Military Counterintelligence"], "VEN", "government"),
    ("Bolivarian National Guard", ["GNB"], "VEN", "government"),
    ("Cartel of the Suns", ["Cartel de los Soles"], "VEN", "armed_group"),
    ("Tren de Aragua", [], "VEN", "armed_group"),
    ("Bolivian Armed Forces", ["Fuerzas Armadas de Bolivia"], "BOL", "government"),
    ("FELCN", ["Special Force to Fight Drug Trafficking"], "BOL", "government"),
    ("Turkish Armed Forces", ["TSK"], "TUR", "government"), ("National Intelligence Organization", [], "TUR", "government"),
    ("Pakistan Army", [], "PAK", "government"), ("Inter-Services Intelligence", ["ISI"], "PAK", "government"),
    ("Indian Army", [], "IND", "government"), ("Research and Analysis Wing", [], "IND", "government"),
    ("Ministry of Defence", ["MoD"], "GBR", "government"), ("MI6", ["Secret Intelligence Service"], "GBR", "government"),
    ("MI5", [], "GBR", "government"), ("GCHQ", [], "GBR", "government"), ("Bundeswehr", [], "DEU", "government"),
    ("DGSE", [], "FRA", "government"), ("Élysée", ["Elysee Palace", "Élysée Palace"], "FRA", "government"),
    ("Hashd al-Shaabi", ["Popular Mobilization Forces", "PMF", "Popular Mobilisation Forces"], "IRQ", "armed_group"),
    ("Kata'ib Hezbollah", ["Kataib Hezbollah"], "IRQ", "armed_group"),
    ("Rapid Support Forces", ["RSF"], "SDN", "armed_group"), ("Sudanese Armed Forces", ["SAF"], "SDN", "government"),
    ("Syrian Democratic Forces", ["SDF"], "SYR", "armed_group"), ("Hayat Tahrir al-Sham", ["HTS"], "SYR", "armed_group"),
    ("Institute for the Study of War", ["ISW"], "USA", "ngo"),
    ("Stockholm International Peace Research Institute", ["SIPRI"], "SWE", "ngo"),
    ("RAND Corporation", ["RAND"], "USA", "ngo"), ("Center for Strategic and International Studies", ["CSIS"], "USA", "ngo"),
    ("International Institute for Strategic Studies", ["IISS"], "GBR", "ngo"), ("Atlantic Council", [], "USA", "ngo"),
    ("Brookings Institution", ["Brookings"], "USA", "ngo"), ("Council on Foreign Relations", ["CFR"], "USA", "ngo"),
    ("Royal United Services Institute", ["RUSI"], "GBR", "ngo"), ("Chatham House", [], "GBR", "ngo"),
    ("Heritage Foundation", [], "USA", "ngo"), ("American Enterprise Institute", ["AEI"], "USA", "ngo"),
    ("Carnegie Endowment for International Peace", ["Carnegie Endowment"], "USA", "ngo"),
    ("Foundation for Defense of Democracies", ["FDD"], "USA", "ngo"), ("Wilson Center", [], "USA", "ngo"),
    ("Washington Institute for Near East Policy", ["Washington Institute"], "USA", "ngo"),
    ("Crisis Group", ["International Crisis Group"], "BEL", "ngo"), ("Amnesty International", ["Amnesty"], "GBR", "ngo"),
    ("Human Rights Watch", ["HRW"], "USA", "ngo"), ("Médecins Sans Frontières", ["MSF", "Doctors Without Borders"], "CHE", "ngo"),
    ("International Committee of the Red Cross", ["ICRC", "Red Cross"], "CHE", "ngo"),
    ("Red Crescent", [], "", "ngo"), ("Transparency International", [], "DEU", "ngo"),
    ("InSight Crime", [], "USA", "ngo"), ("ACLED", ["Armed Conflict Location & Event Data Project"], "USA", "ngo"),
    ("Conflict Armament Research", [], "GBR", "ngo"), ("Small Arms Survey", [], "CHE", "ngo"),
    ("Arms Control Association", [], "USA", "ngo"), ("Federation of American Scientists", [], "USA", "ngo"),
    ("Center for a New American Security", ["CNAS"], "USA", "ngo"), ("Hudson Institute", [], "USA", "ngo"),
    ("Stimson Center", [], "USA", "ngo"), ("Jamestown Foundation", [], "USA", "ngo"),
    ("Critical Threats Project", ["Critical Threats"], "USA", "ngo"),
    ("Institute for Science and International Security", [], "USA", "ngo"),
    ("International Atomic Energy Agency", ["IAEA"], "AUT", "intl_org"),
    ("United Nations", ["UN", "U.N.", "The United Nations"], "", "intl_org"),
    ("UN General Assembly", ["United Nations General Assembly", "UNGA", "U.N. General Assembly"], "", "intl_org"),
    ("UN Security Council", ["United Nations Security Council", "UNSC", "U.N. Security Council", "Security Council"], "", "intl_org"),
    ("UN Human Rights Council", ["United Nations Human Rights Council", "UNHRC"], "", "intl_org"),
    ("North Atlantic Treaty Organization", ["NATO", "OTAN"], "", "intl_org"),
    ("Organization of American States", ["OAS", "OEA"], "", "intl_org"),
    ("European Union", ["EU", "E.U."], "", "intl_org"), ("African Union", ["AU"], "", "intl_org"),
    ("Arab League", ["League of Arab States"], "", "intl_org"), ("ASEAN", ["Association of Southeast Asian Nations"], "", "intl_org"),
    ("BRICS", [], "", "intl_org"), ("G7", ["Group of Seven"], "", "intl_org"), ("G20", ["Group of 20", "Group of Twenty"], "", "intl_org"),
    ("Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organization"], "", "intl_org"),
    ("Collective Security Treaty Organization", ["CSTO"], "", "intl_org"), ("OPEC", [], "", "intl_org"),
    ("OSCE", ["Organization for Security and Co-operation in Europe"], "", "intl_org"),
    ("International Criminal Court", ["ICC"], "NLD", "intl_org"), ("International Court of Justice", ["ICJ"], "NLD", "intl_org"),
    ("Interpol", ["INTERPOL"], "FRA", "intl_org"), ("Europol", [], "NLD", "intl_org"),
    ("Mercosur", ["MERCOSUR", "Mercosul"], "", "intl_org"), ("CELAC", [], "", "intl_org"), ("ALBA", [], "", "intl_org"),
    ("Gulf Cooperation Council", ["GCC"], "", "intl_org"), ("ECOWAS", ["Economic Community of West African States"], "", "intl_org"),
    ("UNIFIL", [], "LBN", "intl_org"), ("UNRWA", [], "", "intl_org"), ("World Food Programme", ["WFP"], "", "intl_org"),
    ("World Health Organization", ["WHO"], "", "intl_org"), ("International Monetary Fund", ["IMF"], "", "intl_org"),
    ("World Bank", [], "", "intl_org"), ("UNHCR", ["UN Refugee Agency"], "", "intl_org"), ("UNICEF", [], "", "intl_org"),
    ("Financial Action Task Force", ["FATF"], "", "intl_org"), ("Wassenaar Arrangement", [], "", "intl_org"),
    ("Missile Technology Control Regime", ["MTCR"], "", "intl_org"), ("Quad", ["Quadrilateral Security Dialogue"], "", "intl_org"),
    ("AUKUS", [], "", "intl_org"), ("European Commission", [], "", "intl_org"), ("European Parliament", [], "", "intl_org"),
    ("Axis of Resistance", [], "", "other"),
]

# Companies relevant to arms trade and aviation: (name, aliases, iso3).
CURATED_COMPANIES = [
    ("Rosoboronexport", [], "RUS"), ("Rostec", [], "RUS"), ("Almaz-Antey", [], "RUS"), ("Kalashnikov Concern", ["Kalashnikov Group"], "RUS"),
    ("Sukhoi", [], "RUS"), ("United Aircraft Corporation", ["UAC"], "RUS"), ("Mahan Air", [], "IRN"), ("Iran Air", [], "IRN"),
    ("Qeshm Fars Air", [], "IRN"), ("Iran Aircraft Manufacturing Industrial Company", ["HESA"], "IRN"),
    ("Qods Aviation Industries", [], "IRN"), ("Shahed Aviation Industries", [], "IRN"),
    ("Defense Industries Organization", ["DIO", "Defence Industries Organisation"], "IRN"),
    ("Aerospace Industries Organization", ["AIO"], "IRN"), ("Conviasa", [], "VEN"), ("EMTRASUR", ["Emtrasur"], "VEN"),
    ("CAVIM", ["Venezuelan Military Industries Company"], "VEN"), ("PDVSA", ["Petróleos de Venezuela"], "VEN"),
    ("YPFB", [], "BOL"), ("Boliviana de Aviación", [], "BOL"),
    ("Lockheed Martin", [], "USA"), ("Raytheon", ["RTX", "Raytheon Technologies"], "USA"), ("Boeing", [], "USA"),
    ("Northrop Grumman", [], "USA"), ("General Dynamics", [], "USA"), ("L3Harris", ["L3Harris Technologies"], "USA"),
    ("General Atomics", [], "USA"), ("Anduril", ["Anduril Industries"], "USA"), ("Palantir", [], "USA"),
    ("SpaceX", [], "USA"), ("Starlink", [], "USA"), ("Textron", [], "USA"), ("Sikorsky", [], "USA"), ("Bell Textron", [], "USA"),
    ("AeroVironment", [], "USA"), ("Baykar", [], "TUR"), ("Turkish Aerospace", ["TUSAŞ"], "TUR"),
    ("Aselsan", [], "TUR"), ("Roketsan", [], "TUR"), ("Elbit Systems", ["Elbit"], "ISR"),
    ("Rafael Advanced Defense Systems", ["Rafael"], "ISR"), ("Israel Aerospace Industries", ["IAI"], "ISR"),
    ("Norinco", ["China North Industries Group"], "CHN"), ("AVIC", ["Aviation Industry Corporation of China"], "CHN"),
    ("CASC", ["China Aerospace Science and Technology Corporation"], "CHN"), ("CASIC", [], "CHN"), ("DJI", [], "CHN"),
    ("Poly Technologies", [], "CHN"), ("Huawei", [], "CHN"), ("BAE Systems", [], "GBR"), ("Rolls-Royce", [], "GBR"),
    ("Airbus", [], "FRA"), ("Thales", [], "FRA"), ("Dassault Aviation", ["Dassault"], "FRA"), ("Safran", [], "FRA"),
    ("MBDA", [], "FRA"), ("Naval Group", [], "FRA"), ("Nexter", ["KNDS"], "FRA"), ("Rheinmetall", [], "DEU"),
    ("Krauss-Maffei Wegmann", ["KMW"], "DEU"), ("Hensoldt", [], "DEU"), ("Diehl Defence", [], "DEU"),
    ("Leonardo", [], "ITA"), ("Fincantieri", [], "ITA"), ("Saab", [], "SWE"), ("Kongsberg", [], "NOR"),
    ("Embraer", [], "BRA"), ("Hanwha Aerospace", ["Hanwha"], "KOR"), ("Hyundai Rotem", [], "KOR"),
    ("Korea Aerospace Industries", ["KAI"], "KOR"), ("Mitsubishi Heavy Industries", [], "JPN"),
    ("Hindustan Aeronautics Limited", [], "IND"), ("Bharat Dynamics", [], "IND"),
    ("Ukroboronprom", ["Ukrainian Defense Industry"], "UKR"), ("Antonov", [], "UKR"), ("Motor Sich", [], "UKR"),
    ("Edge Group", ["EDGE"], "ARE"), ("Denel", [], "ZAF"), ("Navantia", [], "ESP"), ("Indra", [], "ESP"),
    ("Aeroflot", [], "RUS"), ("Cubana", ["Cubana de Aviación"], "CUB"), ("Gazprom", [], "RUS"), ("Rosneft", [], "RUS"),
    ("Lukoil", [], "RUS"), ("Sovcomflot", [], "RUS"), ("National Iranian Oil Company", ["NIOC"], "IRN"),
    ("Khatam al-Anbiya", ["Khatam al-Anbiya Construction Headquarters"], "IRN"),
]

# Armed groups with their home country (curated; overrides data-derived countries).
CURATED_ARMED = [
    ("Hezbollah", ["Hizballah", "Hizbullah", "Hizbollah", "Hezbolla"], "LBN"),
    ("Hamas", ["Islamic Resistance Movement", "Harakat al-Muqawama al-Islamiya"], "PSE"),
    ("Izz ad-Din al-Qassam Brigades", ["Qassam Brigades", "al-Qassam Brigades", "Ezzedine al-Qassam Brigades"], "PSE"),
    ("Palestinian Islamic Jihad", ["Islamic Jihad", "PIJ"], "PSE"),
    ("Houthis", ["Houthi", "Ansarallah", "Ansar Allah", "Houthi movement", "Houthi rebels"], "YEM"),
    ("Islamic State", ["ISIS", "ISIL", "IS", "Daesh", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria", "Daesh"], "IRQ"),
    ("Islamic State Khorasan Province", ["ISIS-K", "ISKP", "IS-K"], "AFG"),
    ("Al-Qaeda", ["al-Qaeda", "Al Qaeda", "al Qaeda", "Al-Qaida", "al-Qaida", "Al Qaida"], ""),
    ("Al-Qaeda in the Arabian Peninsula", ["AQAP"], "YEM"), ("Al-Qaeda in the Islamic Maghreb", ["AQIM"], "DZA"),
    ("Al-Shabaab", ["al-Shabaab", "Al Shabaab", "al-Shabab", "Al-Shabab"], "SOM"), ("Boko Haram", [], "NGA"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", ["JNIM"], "MLI"), ("Taliban", ["The Taliban", "Afghan Taliban"], "AFG"),
    ("Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban"], "PAK"), ("Lashkar-e-Taiba", ["LeT", "Lashkar-e-Tayyiba"], "PAK"),
    ("Jaish-e-Mohammed", ["JeM"], "PAK"), ("FARC", ["Revolutionary Armed Forces of Colombia", "FARC-EP", "FARC dissidents"], "COL"),
    ("ELN", ["National Liberation Army", "Ejército de Liberación Nacional"], "COL"),
    ("Segunda Marquetalia", [], "COL"), ("Clan del Golfo", ["Gulf Clan", "AGC"], "COL"),
    ("Sinaloa Cartel", ["Cártel de Sinaloa"], "MEX"), ("Jalisco New Generation Cartel", ["CJNG", "Cártel Jalisco Nueva Generación"], "MEX"),
    ("Los Zetas", [], "MEX"), ("MS-13", ["Mara Salvatrucha"], "SLV"), ("Primeiro Comando da Capital", ["PCC"], "BRA"),
    ("Comando Vermelho", [], "BRA"), ("Shining Path", ["Sendero Luminoso"], "PER"),
    ("PKK", ["Kurdistan Workers' Party", "Kurdistan Workers Party"], "TUR"), ("YPG", ["People's Protection Units"], "SYR"),
    ("Harakat al-Nujaba", ["Nujaba"], "IRQ"), ("Asa'ib Ahl al-Haq", ["Asaib Ahl al-Haq"], "IRQ"),
    ("Islamic Resistance in Iraq", [], "IRQ"), ("Lions' Den", [], "PSE"), ("Fatah", [], "PSE"),
    ("Palestinian Authority", [], "PSE"), ("Palestine Liberation Organization", ["PLO"], "PSE"),
    ("M23", ["March 23 Movement"], "COD"), ("Allied Democratic Forces", ["ADF"], "COD"),
    ("Tigray People's Liberation Front", ["TPLF"], "ETH"), ("Fano", [], "ETH"), ("Arakan Army", [], "MMR"),
    ("Hurras al-Din", [], "SYR"), ("Jaish al-Adl", [], "IRN"), ("Mujahedin-e Khalq", ["MEK", "People's Mojahedin Organization of Iran", "MKO"], "IRN"),
    ("Polisario Front", ["Polisario"], "ESH"), ("Azov Brigade", ["Azov Regiment", "Azov"], "UKR"),
    ("Akhmat", ["Akhmat battalion"], "RUS"), ("Haitian gangs", [], "HTI"), ("Viv Ansanm", [], "HTI"),
    ("G9", ["G9 and Family"], "HTI"), ("Abu Sayyaf", ["Abu Sayyaf Group", "ASG"], "PHL"),
    ("New People's Army", ["NPA"], "PHL"), ("Lord's Resistance Army", ["LRA"], "UGA"),
]

# Current world leaders and defence/foreign ministers 2015-2026 (general knowledge).
CURATED_PERSONS = [
    # (name, iso3, role)
    ("Nicolás Maduro", "VEN", "President of Venezuela"), ("Delcy Rodríguez", "VEN", "Vice President of Venezuela"),
    ("Vladimir Padrino López", "VEN", "Defense Minister of Venezuela"), ("Diosdado Cabello", "VEN", "Interior Minister of Venezuela"),
    ("Yván Gil", "VEN", "Foreign Minister of Venezuela"), ("Jorge Rodríguez", "VEN", "President of the National Assembly of Venezuela"),
    ("Juan Guaidó", "VEN", "Opposition leader"), ("María Corina Machado", "VEN", "Opposition leader"),
    ("Edmundo González Urrutia", "VEN", "Opposition presidential candidate"), ("Hugo Chávez", "VEN", "President of Venezuela (1999-2013)"),
    ("Luis Arce", "BOL", "President of Bolivia (2020-2025)"), ("Rodrigo Paz", "BOL", "President of Bolivia (2025-)"),
    ("Rodrigo Paz Pereira", "BOL", "President of Bolivia (2025-)"), ("Evo Morales", "BOL", "President of Bolivia (2006-2019)"),
    ("Jeanine Áñez", "BOL", "Interim President of Bolivia (2019-2020)"), ("David Choquehuanca", "BOL", "Vice President of Bolivia"),
    ("Edmand Lara", "BOL", "Vice President of Bolivia (2025-)"), ("Jorge Quiroga", "BOL", "Former President of Bolivia"),
    ("Samuel Doria Medina", "BOL", "Bolivian politician"), ("Carlos Mesa", "BOL", "Former President of Bolivia"),
    ("Luis Fernando Camacho", "BOL", "Governor of Santa Cruz"), ("Andrónico Rodríguez", "BOL", "Bolivian politician"),
    ("Javier Milei", "ARG", "President of Argentina"), ("Alberto Fernández", "ARG", "President of Argentina (2019-2023)"),
    ("Cristina Fernández de Kirchner", "ARG", "Vice President of Argentina (2019-2023)"), ("Mauricio Macri", "ARG", "President of Argentina (2015-2019)"),
    ("Patricia Bullrich", "ARG", "Security Minister of Argentina"), ("Luis Petri", "ARG", "Defense Minister of Argentina"),
    ("Diana Mondino", "ARG", "Foreign Minister of Argentina"), ("Gerardo Werthein", "ARG", "Foreign Minister of Argentina"),
    ("Luiz Inácio Lula da Silva", "BRA", "President of Brazil"), ("Lula da Silva", "BRA", "President of Brazil"),
    ("Jair Bolsonaro", "BRA", "President of Brazil (2019-2022)"), ("Mauro Vieira", "BRA", "Foreign Minister of Brazil"),
    ("Gustavo Petro", "COL", "President of Colombia"), ("Iván Duque", "COL", "President of Colombia (2018-2022)"),
    ("Pedro Sánchez", "ESP", "Prime Minister of Spain"), ("Gabriel Boric", "CHL", "President of Chile"),
    ("José Antonio Kast", "CHL", "President of Chile (2026-)"), ("Dina Boluarte", "PER", "President of Peru (2022-2025)"),
    ("Pedro Castillo", "PER", "President of Peru (2021-2022)"), ("Daniel Noboa", "ECU", "President of Ecuador"),
    ("Guillermo Lasso", "ECU", "President of Ecuador (2021-2023)"), ("Santiago Peña", "PRY", "President of Paraguay"),
    ("Yamandú Orsi", "URY", "President of Uruguay"), ("Luis Lacalle Pou", "URY", "President of Uruguay (2020-2025)"),
    ("Andrés Manuel López Obrador", "MEX", "President of Mexico (2018-2024)"), ("Claudia Sheinbaum", "MEX", "President of Mexico"),
    ("Miguel Díaz-Canel", "CUB", "President of Cuba"), ("Raúl Castro", "CUB", "Former leader of Cuba"), ("Fidel Castro", "CUB", "Former leader of Cuba"),
    ("Daniel Ortega", "NIC", "President of Nicaragua"), ("Rosario Murillo", "NIC", "Co-President of Nicaragua"),
    ("Nayib Bukele", "SLV", "President of El Salvador"), ("Bernardo Arévalo", "GTM", "President of Guatemala"),
    ("Xiomara Castro", "HND", "President of Honduras"), ("José Raúl Mulino", "PAN", "President of Panama"),
    ("Irfaan Ali", "GUY", "President of Guyana"), ("Joe Biden", "USA", "President of the United States (2021-2025)"),
    ("Donald Trump", "USA", "President of the United States"), ("Donald J. Trump", "USA", "President of the United States"),
    ("Barack Obama", "USA", "President of the United States (2009-2017)"), ("Kamala Harris", "USA", "Vice President of the United States (2021-2025)"),
    ("JD Vance", "USA", "Vice President of the United States"), ("J.D. Vance", "USA", "Vice President of the United States"),
    ("Marco Rubio", "USA", "Secretary of State"), ("Antony Blinken", "USA", "Secretary of State (2021-2025)"),
    ("Mike Pompeo", "USA", "Secretary of State (2018-2021)"), ("Rex Tillerson", "USA", "Secretary of State (2017-2018)"),
    ("Pete Hegseth", "USA", "Secretary of Defense"), ("Lloyd Austin", "USA", "Secretary of Defense (2021-2025)"),
    ("Mark Esper", "USA", "Secretary of Defense (2019-2020)"), ("Jim Mattis", "USA", "Secretary of Defense (2017-2019)"),
    ("Jake Sullivan", "USA", "National Security Advisor (2021-2025)"), ("Mike Waltz", "USA", "National Security Advisor"),
    ("John Bolton", "USA", "National Security Advisor (2018-2019)"), ("Tulsi Gabbard", "USA", "Director of National Intelligence"),
    ("John Ratcliffe", "USA", "CIA Director"), ("William Burns", "USA", "CIA Director (2021-2025)"),
    ("Kash Patel", "USA", "FBI Director"), ("Pam Bondi", "USA", "Attorney General"), ("Merrick Garland", "USA", "Attorney General (2021-2025)"),
    ("Steve Witkoff", "USA", "Special Envoy"), ("Dan Caine", "USA", "Chairman of the Joint Chiefs of Staff"),
    ("Mark Milley", "USA", "Chairman of the Joint Chiefs of Staff (2019-2023)"), ("Karine Jean-Pierre", "USA", "White House Press Secretary"),
    ("Karoline Leavitt", "USA", "White House Press Secretary"), ("Scott Bessent", "USA", "Treasury Secretary"),
    ("Janet Yellen", "USA", "Treasury Secretary (2021-2025)"), ("Kristi Noem", "USA", "Homeland Security Secretary"),
    ("Alejandro Mayorkas", "USA", "Homeland Security Secretary (2021-2025)"), ("Linda Thomas-Greenfield", "USA", "UN Ambassador"),
    ("Ebrahim Raisi", "IRN", "President of Iran (2021-2024)"), ("Masoud Pezeshkian", "IRN", "President of Iran"),
    ("Hassan Rouhani", "IRN", "President of Iran (2013-2021)"), ("Ali Khamenei", "IRN", "Supreme Leader of Iran"),
    ("Ayatollah Ali Khamenei", "IRN", "Supreme Leader of Iran"), ("Abbas Araghchi", "IRN", "Foreign Minister of Iran"),
    ("Hossein Amir-Abdollahian", "IRN", "Foreign Minister of Iran (2021-2024)"), ("Mohammad Javad Zarif", "IRN", "Foreign Minister of Iran (2013-2021)"),
    ("Aziz Nasirzadeh", "IRN", "Defense Minister of Iran"), ("Mohammad Reza Ashtiani", "IRN", "Defense Minister of Iran (2021-2024)"),
    ("Hossein Salami", "IRN", "IRGC Commander-in-Chief"), ("Mohammad Pakpour", "IRN", "IRGC Commander-in-Chief"),
    ("Qassem Soleimani", "IRN", "Quds Force commander (killed 2020)"), ("Esmail Qaani", "IRN", "Quds Force commander"),
    ("Mohammad Bagheri", "IRN", "Chief of Staff of the Armed Forces of Iran"), ("Ali Larijani", "IRN", "Secretary of the Supreme National Security Council"),
    ("Mohammad Bagher Ghalibaf", "IRN", "Speaker of the Parliament of Iran"), ("Amir Ali Hajizadeh", "IRN", "IRGC Aerospace Force commander"),
    ("Vladimir Putin", "RUS", "President of Russia"), ("Dmitry Medvedev", "RUS", "Deputy Chairman of the Security Council of Russia"),
    ("Mikhail Mishustin", "RUS", "Prime Minister of Russia"), ("Sergei Lavrov", "RUS", "Foreign Minister of Russia"),
    ("Sergei Shoigu", "RUS", "Secretary of the Security Council of Russia"), ("Andrei Belousov", "RUS", "Defense Minister of Russia"),
    ("Valery Gerasimov", "RUS", "Chief of the General Staff of Russia"), ("Dmitry Peskov", "RUS", "Kremlin spokesman"),
    ("Maria Zakharova", "RUS", "Foreign Ministry spokeswoman"), ("Yevgeny Prigozhin", "RUS", "Wagner Group founder"),
    ("Alexei Navalny", "RUS", "Opposition leader"), ("Ramzan Kadyrov", "RUS", "Head of Chechnya"),
    ("Volodymyr Zelensky", "UKR", "President of Ukraine"), ("Volodymyr Zelenskyy", "UKR", "President of Ukraine"),
    ("Dmytro Kuleba", "UKR", "Foreign Minister of Ukraine (2020-2024)"), ("Andrii Sybiha", "UKR", "Foreign Minister of Ukraine"),
    ("Oleksii Reznikov", "UKR", "Defense Minister of Ukraine (2021-2023)"), ("Rustem Umerov", "UKR", "Defense Minister of Ukraine"),
    ("Denys Shmyhal", "UKR", "Prime Minister of Ukraine"), ("Yulia Svyrydenko", "UKR", "Prime Minister of Ukraine"),
    ("Valerii Zaluzhnyi", "UKR", "Commander-in-Chief of the Armed Forces of Ukraine (2021-2024)"),
    ("Oleksandr Syrskyi", "UKR", "Commander-in-Chief of the Armed Forces of Ukraine"), ("Kyrylo Budanov", "UKR", "Head of Ukrainian military intelligence"),
    ("Andriy Yermak", "UKR", "Head of the Presidential Office of Ukraine"), ("Alexander Lukashenko", "BLR", "President of Belarus"),
    ("Xi Jinping", "CHN", "President of China"), ("Li Qiang", "CHN", "Premier of China"), ("Li Keqiang", "CHN", "Premier of China (2013-2023)"),
    ("Wang Yi", "CHN", "Foreign Minister of China"), ("Qin Gang", "CHN", "Foreign Minister of China (2023)"),
    ("Dong Jun", "CHN", "Defense Minister of China"), ("Li Shangfu", "CHN", "Defense Minister of China (2023)"),
    ("Kim Jong Un", "PRK", "Supreme Leader of North Korea"), ("Kim Jong-un", "PRK", "Supreme Leader of North Korea"),
    ("Kim Yo Jong", "PRK", "Senior official of North Korea"), ("Choe Son Hui", "PRK", "Foreign Minister of North Korea"),
    ("Yoon Suk Yeol", "KOR", "President of South Korea (2022-2025)"), ("Lee Jae-myung", "KOR", "President of South Korea"),
    ("Moon Jae-in", "KOR", "President of South Korea (2017-2022)"), ("Fumio Kishida", "JPN", "Prime Minister of Japan (2021-2024)"),
    ("Shigeru Ishiba", "JPN", "Prime Minister of Japan (2024-2025)"), ("Sanae Takaichi", "JPN", "Prime Minister of Japan"),
    ("Shinzo Abe", "JPN", "Prime Minister of Japan (2012-2020)"), ("Lai Ching-te", "TWN", "President of Taiwan"),
    ("Tsai Ing-wen", "TWN", "President of Taiwan (2016-2024)"), ("Narendra Modi", "IND", "Prime Minister of India"),
    ("Subrahmanyam Jaishankar", "IND", "External Affairs Minister of India"), ("S. Jaishankar", "IND", "External Affairs Minister of India"),
    ("Rajnath Singh", "IND", "Defence Minister of India"), ("Shehbaz Sharif", "PAK", "Prime Minister of Pakistan"),
    ("Imran Khan", "PAK", "Prime Minister of Pakistan (2018-2022)"), ("Asim Munir", "PAK", "Chief of Army Staff of Pakistan"),
    ("Recep Tayyip Erdoğan", "TUR", "President of Turkey"), ("Hakan Fidan", "TUR", "Foreign Minister of Turkey"),
    ("Yaşar Güler", "TUR", "Defense Minister of Turkey"), ("Hulusi Akar", "TUR", "Defense Minister of Turkey (2018-2023)"),
    ("Benjamin Netanyahu", "ISR", "Prime Minister of Israel"), ("Yoav Gallant", "ISR", "Defense Minister of Israel (2022-2024)"),
    ("Israel Katz", "ISR", "Defense Minister of Israel"), ("Gideon Sa'ar", "ISR", "Foreign Minister of Israel"),
    ("Naftali Bennett", "ISR", "Prime Minister of Israel (2021-2022)"), ("Yair Lapid", "ISR", "Prime Minister of Israel (2022)"),
    ("Benny Gantz", "ISR", "Israeli politician"), ("Isaac Herzog", "ISR", "President of Israel"), ("Herzi Halevi", "ISR", "IDF Chief of Staff (2023-2025)"),
    ("Eyal Zamir", "ISR", "IDF Chief of Staff"), ("Mahmoud Abbas", "PSE", "President of the Palestinian Authority"),
    ("Ismail Haniyeh", "PSE", "Hamas political leader (killed 2024)"), ("Yahya Sinwar", "PSE", "Hamas leader (killed 2024)"),
    ("Hassan Nasrallah", "LBN", "Hezbollah Secretary-General (killed 2024)"), ("Naim Qassem", "LBN", "Hezbollah Secretary-General"),
    ("Joseph Aoun", "LBN", "President of Lebanon"), ("Nawaf Salam", "LBN", "Prime Minister of Lebanon"),
    ("Najib Mikati", "LBN", "Prime Minister of Lebanon (2021-2025)"), ("Abdul-Malik al-Houthi", "YEM", "Houthi leader"),
    ("Bashar al-Assad", "SYR", "President of Syria (2000-2024)"), ("Ahmed al-Sharaa", "SYR", "President of Syria"),
    ("Abu Mohammed al-Jolani", "SYR", "HTS leader"), ("Mohammed bin Salman", "SAU", "Crown Prince and Prime Minister of Saudi Arabia"),
    ("King Salman", "SAU", "King of Saudi Arabia"), ("Faisal bin Farhan", "SAU", "Foreign Minister of Saudi Arabia"),
    ("Mohamed bin Zayed", "ARE", "President of the UAE"), ("Tamim bin Hamad Al Thani", "QAT", "Emir of Qatar"),
    ("Abdel Fattah el-Sisi", "EGY", "President of Egypt"), ("Abdel Fattah al-Burhan", "SDN", "Sudanese Armed Forces leader"),
    ("Mohamed Hamdan Dagalo", "SDN", "RSF leader"), ("Abiy Ahmed", "ETH", "Prime Minister of Ethiopia"),
    ("Mohammed Shia al-Sudani", "IRQ", "Prime Minister of Iraq"), ("Muqtada al-Sadr", "IRQ", "Iraqi cleric"),
    ("Abu Bakr al-Baghdadi", "IRQ", "Islamic State leader (killed 2019)"), ("Ayman al-Zawahiri", "EGY", "al-Qaeda leader (killed 2022)"),
    ("Hibatullah Akhundzada", "AFG", "Taliban supreme leader"), ("Emmanuel Macron", "FRA", "President of France"),
    ("Jean-Noël Barrot", "FRA", "Foreign Minister of France"), ("Sébastien Lecornu", "FRA", "Prime Minister of France"),
    ("Olaf Scholz", "DEU", "Chancellor of Germany (2021-2025)"), ("Friedrich Merz", "DEU", "Chancellor of Germany"),
    ("Angela Merkel", "DEU", "Chancellor of Germany (2005-2021)"), ("Boris Pistorius", "DEU", "Defence Minister of Germany"),
    ("Annalena Baerbock", "DEU", "Foreign Minister of Germany (2021-2025)"), ("Johann Wadephul", "DEU", "Foreign Minister of Germany"),
    ("Keir Starmer", "GBR", "Prime Minister of the United Kingdom"), ("Rishi Sunak", "GBR", "Prime Minister of the United Kingdom (2022-2024)"),
    ("Boris Johnson", "GBR", "Prime Minister of the United Kingdom (2019-2022)"), ("Liz Truss", "GBR", "Prime Minister of the United Kingdom (2022)"),
    ("David Lammy", "GBR", "Foreign Secretary (2024-2025)"), ("Yvette Cooper", "GBR", "Foreign Secretary"),
    ("John Healey", "GBR", "Defence Secretary"), ("Ben Wallace", "GBR", "Defence Secretary (2019-2023)"),
    ("Giorgia Meloni", "ITA", "Prime Minister of Italy"), ("Mark Rutte", "NLD", "NATO Secretary General"),
    ("Jens Stoltenberg", "NOR", "NATO Secretary General (2014-2024)"), ("Ursula von der Leyen", "DEU", "President of the European Commission"),
    ("Kaja Kallas", "EST", "EU High Representative for Foreign Affairs"), ("Josep Borrell", "ESP", "EU High Representative (2019-2024)"),
    ("António Costa", "PRT", "President of the European Council"), ("Charles Michel", "BEL", "President of the European Council (2019-2024)"),
    ("António Guterres", "PRT", "UN Secretary-General"), ("Rafael Grossi", "ARG", "IAEA Director General"),
    ("Viktor Orbán", "HUN", "Prime Minister of Hungary"), ("Donald Tusk", "POL", "Prime Minister of Poland"),
    ("Andrzej Duda", "POL", "President of Poland (2015-2025)"), ("Karol Nawrocki", "POL", "President of Poland"),
    ("Justin Trudeau", "CAN", "Prime Minister of Canada (2015-2025)"), ("Mark Carney", "CAN", "Prime Minister of Canada"),
    ("Anthony Albanese", "AUS", "Prime Minister of Australia"), ("Cyril Ramaphosa", "ZAF", "President of South Africa"),
    ("Bola Tinubu", "NGA", "President of Nigeria"), ("William Ruto", "KEN", "President of Kenya"),
    ("Paul Kagame", "RWA", "President of Rwanda"), ("Félix Tshisekedi", "COD", "President of the DR Congo"),
    ("Assimi Goïta", "MLI", "President of the transition of Mali"), ("Ibrahim Traoré", "BFA", "President of Burkina Faso"),
    ("Abdourahamane Tchiani", "NER", "Head of the military government of Niger"), ("Ilham Aliyev", "AZE", "President of Azerbaijan"),
    ("Nikol Pashinyan", "ARM", "Prime Minister of Armenia"), ("Kassym-Jomart Tokayev", "KAZ", "President of Kazakhstan"),
    ("Prabowo Subianto", "IDN", "President of Indonesia"), ("Joko Widodo", "IDN", "President of Indonesia (2014-2024)"),
    ("Ferdinand Marcos Jr.", "PHL", "President of the Philippines"), ("Rodrigo Duterte", "PHL", "President of the Philippines (2016-2022)"),
    ("Anwar Ibrahim", "MYS", "Prime Minister of Malaysia"), ("Min Aung Hlaing", "MMR", "Head of the military government of Myanmar"),
    ("Aung San Suu Kyi", "MMR", "State Counsellor of Myanmar (2016-2021)"), ("Sheikh Hasina", "BGD", "Prime Minister of Bangladesh (2009-2024)"),
    ("Muhammad Yunus", "BGD", "Chief Adviser of Bangladesh"), ("Anthony Blinken", "USA", "Secretary of State (2021-2025)"),
]

COMMON_GIVEN_NAMES = """
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary
Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond
Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian
Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel
Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley
Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen
Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet
Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith
Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail
Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany
Charlotte Marie Kayla Alexis Lori Kamala Hillary Condoleezza Madeleine Nikki Tulsi Marjorie Nancy Liz Kristi
Antony Lloyd Jake Merrick Janet Gina Pete Marco Rex Mike Jim Chuck Mitch Lindsey Ted Bernie Elizabeth Kash Pam
Carlos Luis Jorge Juan Pedro Miguel José Antonio Manuel Francisco Javier Fernando Ricardo Alejandro Rafael Sergio
Eduardo Roberto Andrés Diego Pablo Raúl Óscar Oscar Enrique Mario Héctor Rubén Arturo Alberto Gustavo Álvaro
Alvaro Ramón Ramon Guillermo Gonzalo Martín Martin Ignacio Felipe Esteban Emilio Hugo Iván Ivan Rodrigo Mauricio
Nicolás Nicolas Evo Álvaro Cristina María Carmen Ana Isabel Laura Marta Lucía Lucia Elena Rosa Pilar Teresa
Patricia Gabriela Daniela Valentina Camila Sofía Sofia Paula Andrea Verónica Veronica Claudia Silvia Adriana
Mónica Monica Beatriz Lorena Jeanine Delcy Diosdado Vladimir Yván Juan Carlos Edmundo Xiomara Dina Nayib Gabriel
Mohammed Mohammad Muhammad Mohamed Mohamad Mehmet Ahmed Ahmad Ali Hassan Hussein Husayn Hossein Hussain Omar Umar
Abdullah Abdallah Abdul Abdel Abd Ibrahim Youssef Yusuf Yousef Khalid Khaled Mahmoud Mahmud Mustafa Mostafa Saeed
Said Hamza Hamid Hamed Tariq Tarek Karim Kareem Rashid Rachid Nasser Nasir Jamal Faisal Fahd Sultan Salman Zayed
Ayman Osama Usama Bashar Hafez Hani Ismail Haniyeh Yahya Nabil Walid Samir Sami Adel Adil Amir Emir Fatima Aisha
Ayesha Khadija Zainab Zeinab Maryam Mariam Layla Leila Noor Nour Huda Salma Rania Yasmin Yasmine Amina Aminah
Masoud Massoud Ebrahim Hassan Javad Jawad Abbas Reza Mehdi Mahdi Mojtaba Esmail Qassem Ghasem Qasem Hojjat
Mohsen Mahmoud Akbar Asghar Hashem Hashemi Kazem Jalal Jafar Ja'far Majid Saeed Alireza Amirali Behrouz Bahram
Dariush Darius Farhad Farid Firouz Kourosh Cyrus Nader Parviz Ramin Shahram Siamak Hamidreza Gholamreza Mohammadreza
Vahid Yousef Zahra Fatemeh Maryam Shirin Parisa Nasrin Narges Mahsa Neda Azadeh Sara Roya Mina Elaheh
Sergei Sergey Alexei Alexey Aleksei Dmitry Dmitri Dmitriy Andrei Andrey Nikolai Nikolay Mikhail Yuri Yury Ivan
Igor Oleg Pavel Viktor Victor Boris Anatoly Yevgeny Evgeny Alexander Aleksandr Valery Valeri Vyacheslav Gennady
Konstantin Maxim Maksim Roman Ruslan Denis Kirill Artem Artyom Stanislav Vadim Vasily Leonid Grigory Fyodor Pyotr
Ramzan Volodymyr Oleksandr Oleksii Oleksiy Andriy Andrii Dmytro Mykola Mykhailo Petro Yuriy Vitali Vitaliy Vitaly
Olena Oksana Yulia Iryna Irina Natalia Natalya Tatiana Tatyana Svetlana Olga Elena Yelena Ekaterina Yekaterina
Anastasia Maria Marina Valentina Lyudmila Ludmila Galina Vera Nadezhda Xenia Ksenia Alla Inna Zoya Larisa
Jean Pierre Jacques François Francois Emmanuel Nicolas Olivier Philippe Michel Alain Bernard Laurent Sébastien
Hans Klaus Wolfgang Olaf Friedrich Angela Annalena Ursula Jürgen Heinz Helmut Gerhard Karl Frank-Walter Boris
Giorgia Mario Matteo Sergio Silvio Giuseppe Giovanni Marco Luca Paolo Francesco Pedro Santiago Mariano Kaja Ilham
Recep Tayyip Hakan Yaşar Hulusi Mevlüt Kemal Ahmet Mustafa Erdogan Binali Numan Abdulkadir
Benjamin Yoav Naftali Yair Benny Isaac Gideon Itamar Bezalel Avigdor Moshe Ehud Ariel Shimon Yitzhak Golda
Narendra Rajnath Amit Rahul Sonia Manmohan Subrahmanyam Imran Shehbaz Nawaz Asim Bilawal Asif Pervez Benazir
Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Kim Lee Park Choi Jung Moon Yoon Shinzo Fumio Shigeru Yoshihide
Kishida Hiroshi Taro Tsai Lai Ma Hun Joko Prabowo Rodrigo Ferdinand Anwar Mahathir Aung Min Thein Sheikh Cyril
Jacob Thabo Nelson Bola Muhammadu Goodluck Olusegun William Uhuru Paul Yoweri Abiy Isaias Salva Riek Felix Félix
Joseph Denis Assimi Ibrahim Abdourahamane Mohamed Macky Alassane Laurent Kassym-Jomart Nursultan Shavkat Emomali
Alexander Aliaksandr Sviatlana Nikol Serzh Robert Levon Ilham Heydar Mikheil Irakli Salome Bidzina Maia
Lula Luiz Dilma Jair Michel Fernando Geraldo Flávio Eduardo Sérgio Mauro Celso Marina
Justin Stephen Pierre Mélanie Chrystia Anthony Scott Malcolm Kevin Julia Jacinda Chris Christopher Keir Rishi Liz
Theresa Tony Gordon David Boris Dominic Priti Suella Yvette Rachel Ben Grant John Kemi Nigel Ed Ursula Charles
Jens Mark Josep Antonio António Pedro Roberta Rafael Volker Michelle Filippo Tedros Kristalina Ngozi Ajay
""".split()

EQUIPMENT_CLASSES = [
    # (singular, plural or "", canonical)
    ("drone", "drones"), ("unmanned aerial vehicle", "unmanned aerial vehicles"), ("UAV", "UAVs"),
    ("unmanned aircraft", ""), ("unmanned combat aerial vehicle", "unmanned combat aerial vehicles"), ("UCAV", "UCAVs"),
    ("kamikaze drone", "kamikaze drones"), ("suicide drone", "suicide drones"), ("attack drone", "attack drones"),
    ("one-way attack drone", "one-way attack drones"), ("loitering munition", "loitering munitions"),
    ("missile", "missiles"), ("ballistic missile", "ballistic missiles"), ("cruise missile", "cruise missiles"),
    ("hypersonic missile", "hypersonic missiles"), ("anti-ship missile", "anti-ship missiles"),
    ("anti-tank missile", "anti-tank missiles"), ("surface-to-air missile", "surface-to-air missiles"),
    ("air-to-air missile", "air-to-air missiles"), ("intercontinental ballistic missile", "intercontinental ballistic missiles"),
    ("short-range ballistic missile", "short-range ballistic missiles"),
    ("medium-range ballistic missile", "medium-range ballistic missiles"),
    ("intermediate-range ballistic missile", "intermediate-range ballistic missiles"),
    ("long-range ballistic missile", "long-range ballistic missiles"),
    ("short-range missile", "short-range missiles"), ("long-range missile", "long-range missiles"),
    ("ICBM", "ICBMs"), ("MANPADS", ""), ("rocket", "rockets"), ("rocket launcher", "rocket launchers"),
    ("multiple rocket launcher", "multiple rocket launchers"), ("fighter jet", "fighter jets"), ("fighter", "fighters"),
    ("fighter aircraft", ""), ("warplane", "warplanes"), ("combat aircraft", ""), ("bomber", "bombers"),
    ("military aircraft", ""), ("transport aircraft", ""), ("cargo plane", "cargo planes"), ("aircraft", ""),
    ("helicopter", "helicopters"), ("attack helicopter", "attack helicopters"), ("tank", "tanks"),
    ("main battle tank", "main battle tanks"), ("armored vehicle", "armored vehicles"), ("armoured vehicle", "armoured vehicles"),
    ("armored personnel carrier", "armored personnel carriers"), ("infantry fighting vehicle", "infantry fighting vehicles"),
    ("artillery", ""), ("howitzer", "howitzers"), ("mortar", "mortars"), ("rifle", "rifles"), ("assault rifle", "assault rifles"),
    ("firearm", "firearms"), ("gun", "guns"), ("machine gun", "machine guns"), ("ammunition", ""), ("munition", "munitions"),
    ("air defense system", "air defense systems"), ("air defence system", "air defence systems"), ("air defense", ""),
    ("air defence", ""), ("missile defense system", "missile defense systems"), ("submarine", "submarines"),
    ("frigate", "frigates"), ("destroyer", "destroyers"), ("corvette", "corvettes"), ("warship", "warships"),
    ("aircraft carrier", "aircraft carriers"), ("patrol boat", "patrol boats"), ("patrol vessel", "patrol vessels"),
    ("fast attack craft", ""), ("naval vessel", "naval vessels"), ("radar", "radars"), ("small arms", ""),
    ("light weapons", ""), ("weapon", "weapons"), ("arms", ""), ("weaponry", ""), ("explosive", "explosives"),
    ("grenade", "grenades"), ("landmine", "landmines"), ("mine", ""), ("bomb", "bombs"), ("guided bomb", "guided bombs"),
    ("glide bomb", "glide bombs"), ("cluster munition", "cluster munitions"), ("torpedo", "torpedoes"),
    ("satellite", "satellites"), ("electronic warfare system", "electronic warfare systems"),
    ("military equipment", ""), ("military hardware", ""), ("nuclear weapon", "nuclear weapons"),
    ("warhead", "warheads"), ("launcher", "launchers"), ("interceptor", "interceptors"),
]

# Well-known designations and aliases (documented in data/SOURCES.md as curated).
# (alias, canonical, description, origin iso3)
CURATED_EQUIPMENT = [
    ("Shahed-136", "Shahed-136", "one-way attack drone", "IRN"), ("Shahed-131", "Shahed-131", "one-way attack drone", "IRN"),
    ("Geran-2", "Shahed-136", "one-way attack drone", "IRN"), ("Geran-1", "Shahed-131", "one-way attack drone", "IRN"),
    ("Mohajer-6", "Mohajer-6", "armed UAV", "IRN"), ("Mohajer-2", "Mohajer-2", "UAV", "IRN"),
    ("ANSU-600", "Mohajer-6", "armed UAV", "IRN"), ("ANSU-100", "Mohajer-2", "UAV", "IRN"),
    ("Arpia", "Mohajer-2", "UAV", "IRN"), ("Zamora V-1", "Shahed-131", "one-way attack drone", "IRN"),
    ("ZAMORA V-1", "Shahed-131", "one-way attack drone", "IRN"), ("Shahed-129", "Shahed-129", "armed UAV", "IRN"),
    ("Shahed-238", "Shahed-238", "one-way attack drone", "IRN"), ("Arash-2", "Arash-2", "one-way attack drone", "IRN"),
    ("Fattah", "Fattah", "hypersonic ballistic missile", "IRN"), ("Fattah-1", "Fattah", "hypersonic ballistic missile", "IRN"),
    ("Kheibar Shekan", "Kheibar Shekan", "ballistic missile", "IRN"), ("Emad", "Emad", "ballistic missile", "IRN"),
    ("Sejjil", "Sejjil", "ballistic missile", "IRN"), ("Shahab-3", "Shahab-3", "ballistic missile", "IRN"),
    ("Zolfaghar", "Zolfaghar", "ballistic missile", "IRN"), ("Fateh-110", "Fateh-110", "ballistic missile", "IRN"),
    ("Fateh-313", "Fateh-313", "ballistic missile", "IRN"), ("Khorramshahr", "Khorramshahr", "ballistic missile", "IRN"),
    ("Bavar-373", "Bavar-373", "air defence system", "IRN"), ("Kamikaze drone", "loitering munition", "", ""),
    ("HIMARS", "M142 HIMARS", "self-propelled MRL", "USA"), ("M142 HIMARS", "M142 HIMARS", "self-propelled MRL", "USA"),
    ("ATACMS", "ATACMS", "ballistic missile", "USA"), ("MGM-140 ATACMS", "ATACMS", "ballistic missile", "USA"),
    ("Patriot", "Patriot", "SAM system", "USA"), ("Patriot PAC-3", "Patriot", "SAM system", "USA"),
    ("Iron Dome", "Iron Dome", "air defence system", "ISR"), ("David's Sling", "David's Sling", "air defence system", "ISR"),
    ("Arrow 3", "Arrow-3", "ABM system", "ISR"), ("THAAD", "THAAD", "ABM system", "USA"),
    ("S-300", "S-300", "SAM system", "RUS"), ("S-400", "S-400", "SAM system", "RUS"), ("S-500", "S-500", "SAM system", "RUS"),
    ("Kinzhal", "Kh-47M2 Kinzhal", "air-launched ballistic missile", "RUS"), ("Iskander", "Iskander", "ballistic missile", "RUS"),
    ("Iskander-M", "Iskander", "ballistic missile", "RUS"), ("Kalibr", "Kalibr", "cruise missile", "RUS"),
    ("Oreshnik", "Oreshnik", "intermediate-range ballistic missile", "RUS"), ("Sarmat", "RS-28 Sarmat", "ICBM", "RUS"),
    ("Lancet", "Lancet", "loitering munition", "RUS"), ("Bayraktar TB2", "Bayraktar TB2", "armed UAV", "TUR"),
    ("TB2", "Bayraktar TB2", "armed UAV", "TUR"), ("Bayraktar Akinci", "Bayraktar Akinci", "armed UAV", "TUR"),
    ("Javelin", "FGM-148 Javelin", "anti-tank missile", "USA"), ("FGM-148 Javelin", "FGM-148 Javelin", "anti-tank missile", "USA"),
    ("Stinger", "FIM-92 Stinger", "portable SAM", "USA"), ("FIM-92 Stinger", "FIM-92 Stinger", "portable SAM", "USA"),
    ("NLAW", "NLAW", "anti-tank missile", "SWE"), ("Storm Shadow", "Storm Shadow", "cruise missile", "GBR"),
    ("SCALP", "Storm Shadow", "cruise missile", "FRA"), ("Taurus", "Taurus KEPD-350", "cruise missile", "DEU"),
    ("Tomahawk", "BGM-109 Tomahawk", "cruise missile", "USA"), ("Harpoon", "RGM-84 Harpoon", "anti-ship missile", "USA"),
    ("Leopard 2", "Leopard-2", "tank", "DEU"), ("Leopard-2", "Leopard-2", "tank", "DEU"), ("Abrams", "M1 Abrams", "tank", "USA"),
    ("M1 Abrams", "M1 Abrams", "tank", "USA"), ("Challenger 2", "Challenger-2", "tank", "GBR"), ("Bradley", "M2 Bradley", "IFV", "USA"),
    ("F-16", "F-16", "FGA aircraft", "USA"), ("F-35", "F-35", "FGA aircraft", "USA"), ("Su-35", "Su-35", "FGA aircraft", "RUS"),
    ("Su-30", "Su-30", "FGA aircraft", "RUS"), ("MiG-29", "MiG-29", "fighter aircraft", "RUS"), ("Reaper", "MQ-9 Reaper", "armed UAV", "USA"),
    ("MQ-9 Reaper", "MQ-9 Reaper", "armed UAV", "USA"), ("Predator", "MQ-1 Predator", "armed UAV", "USA"),
    ("Hwasong-18", "Hwasong-18", "ICBM", "PRK"), ("Hwasong-17", "Hwasong-17", "ICBM", "PRK"), ("KN-23", "KN-23", "ballistic missile", "PRK"),
    ("AR-15", "AR-15", "rifle", "USA"), ("F-22", "F-22 Raptor", "fighter aircraft", "USA"),
    ("F-22 Raptor", "F-22 Raptor", "fighter aircraft", "USA"), ("AK-47", "AK-47", "assault rifle", "RUS"), ("Kalashnikov", "AK-47", "assault rifle", "RUS"), ("AK-103", "AK-103", "assault rifle", "RUS"),
    ("Sukhoi Su-30MK2", "Su-30MK2", "FGA aircraft", "RUS"), ("K-8", "K-8 Karakorum", "trainer/combat aircraft", "CHN"),
    ("Tor-M1", "Tor-M1", "SAM system", "RUS"), ("Buk-M2", "Buk-M2", "SAM system", "RUS"), ("Pantsir", "Pantsir-S1", "air defence system", "RUS"),
    ("Pantsir-S1", "Pantsir-S1", "air defence system", "RUS"), ("Shahed drone", "Shahed-136", "one-way attack drone", "IRN"),
]

# Single words that must never be gazetteer hits on their own (capitalised common words).
EXTRA_STOP = """
Of The A An And Or But If In On At To For By With From As Is It Its This That These Those He She They We You I
Mobile Split March Reading Most Nice Date Police Media Military Army Navy Government President Minister Ministry
State States City Town Village Center Centre Union Republic Kingdom Federation Office Council Party Group
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February April May June July August September
October November December Spring Summer Autumn Fall Winter North South East West Northern Southern Eastern Western
Central New Old Great Little Big Grand Royal National International General Public Court Justice Peace War Security
Defense Defence Foreign Affairs Interior Home Health Energy Trade Commerce Industry Finance Budget Bank Treasury
Victory Liberty Freedom Independence Unity Hope Faith Progress Concord Harmony Providence Enterprise Commerce
Bath Bay Beach Bend Bridge Brook Camp Canyon Cape Castle Cliff Coast Cove Creek Crossing Dale Dam Delta Falls
Field Fields Ford Forest Fort Gap Garden Gardens Gate Glen Green Grove Harbor Harbour Haven Heights Hill Hills
Island Islands Junction Lake Lakes Landing Lane Meadow Meadows Mill Mills Mission Mount Mountain Oak Oaks Park
Pass Pine Pines Plains Point Port Prairie Ridge River Rock Rocks Shore Spring Springs Square Station Summit
Terrace Valley View Villa Vista Wells Wood Woods Man Bar Sale Most Deal Best Much Many Media Police Sun Moon Star
Gold Silver Diamond Crystal Pearl Ruby Golden Orange Lemon Olive Rose Lily Iris Ivy Daisy Jade Amber Hazel
Wolf Bear Eagle Hawk Falcon Lion Tiger Fox Buffalo Bison Raven Crow Swan Dove Condor Panther Cobra Viper
Alliance Coalition Movement Front Forces Force Brigade Brigades Command Corps Guard Guards Service Services
Agency Authority Department Bureau Institute Foundation Association Committee Commission Assembly Congress
Senate Parliament Cabinet Secretariat Directorate Administration Network Company Corporation Industries
Time Times Post News Daily Herald Tribune Journal Press Globe Mirror Sun Star Express Telegraph Guardian Observer
Independent Nation Today Now Live Online Radio Television Channel World Global Universal Mundo Nacional Republica
Santa San Saint St Mar Del La Las Los El Al De Di Da Do Du Le Les Van Von Commonwealth Latina Latino
""".split()

NOT_IN_NAMES = {"Administration", "Government", "Regime", "Cabinet", "Ministry", "Party", "Family", "Forces",
                "Army", "Council", "Office", "Supporters", "Loyalists", "Militia", "Group", "Faction"}

COMMON_SURNAMES = """
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White
Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts
Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed
Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long
Ross Foster Powell Jenkins Perry Russell Sullivan Butler Barnes Fisher Henderson Coleman Simmons Patterson Jordan
Reynolds Hamilton Graham Wallace West Cole Hayes Bryant Gibson Ellis Stevens Murray Ford Marshall Owens McDonald
Harrison Kennedy Wells Warren Hunter Hudson Hopkins Lynn Douglas Stanley Sherwood Lincoln Madison Clinton Franklin
Jefferson Monroe Bush Obama Biden Trump Carter Reagan Nixon Hoover Truman Grant Lee Kim Park Chen Wang Li Zhang Liu
Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes
Cruz Morales Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza Vasquez Castillo Jimenez Moreno Romero Herrera Medina
Aguilar Vargas Guzman Castro Fernandez Silva Santos Souza Oliveira Costa Pereira Almeida Ferreira Rocha Lima Suarez
Navarro Molina Delgado Vega Ortega Rojas Cabrera Campos Fuentes Soto Nunez Pena Rios Marquez Salazar Paz Arce
Khan Ali Ahmed Hussein Hassan Rahman Shah Singh Kumar Sharma Patel Gupta Ivanov Petrov Smirnov Popov Sokolov
Brad Mario Latina Latino Augusta Victoria Florence Austin Aurora Eugene
""".split()

TITLES = """
Mr Mrs Ms Miss Sir Dr Prof President Vice Prime Minister Secretary General Gen Lt Col Colonel Major Maj Captain Capt
Admiral Adm Commander Cmdr Sergeant Sgt King Queen Prince Princess Sheikh Shaikh Sheik Emir Amir Sultan Ayatollah
Imam Mullah Hojatoleslam Grand Senator Sen Rep Representative Governor Gov Mayor Judge Justice Chief Ambassador
Deputy Director Chairman Chairwoman Speaker Lord Lady Dame Saint Father Brother Sister Bishop Archbishop Pope
Cardinal Rabbi Marshal Field Lieutenant Brigadier Corporal Private Ustad Haji Hajji Hajj Mawlawi Maulvi Mulla
Comandante Presidente Ministro Señor Senor Don Doña Dona Excmo Honorable Hon Excellency His Her The Al El Ul
Abu Umm Bin Ibn Bint Ben Van Von De Del Da Di Le La Los Las Dos Das Do Du Der Den Y And Of Mc Mac O
Chancellor Premier Crown Former Late Foreign Defense Defence Interior Secretary-General Pres Supreme Leader
""".split()

# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------


def read_lines(path):
    with open(path, encoding="utf-8-sig") as f:
        return f.read().splitlines()


def load_yaml_records(path):
    """Minimal reader for the supraverden YAML: top-level keys with indented scalars/lists."""
    recs = {}
    cur = None
    key = None
    for line in read_lines(path):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            name = line.rstrip(":").strip().strip("'\"")
            cur = {}
            recs[name] = cur
            key = None
            continue
        if cur is None:
            continue
        m = re.match(r"^  ([A-Za-z0-9_]+):\s*(.*)$", line)
        if m:
            key, val = m.group(1), m.group(2).strip()
            if val and val not in ("null", "~"):
                if (val.startswith("'") and val.endswith("'")) or (val.startswith('"') and val.endswith('"')):
                    val = val[1:-1].replace("''", "'")
                cur[key] = val
            else:
                cur[key] = []
            continue
        m = re.match(r"^  - (.*)$", line)
        if m and key is not None:
            v = m.group(1).strip().strip("'\"")
            if isinstance(cur.get(key), list):
                cur[key].append(v)
    return recs


def lowercase_word_counts(news_path):
    """Frequency of lower-case words in the public-domain news corpus: a data-driven list
    of common English words, used to reject capitalised common words as names."""
    counts = collections.Counter()
    cap = collections.Counter()
    if not os.path.exists(news_path):
        return counts, cap
    word_re = re.compile(r"[A-Za-z][a-z]+")
    with open(news_path, encoding="utf-8") as f:
        for line in f:
            try:
                text = json.loads(line).get("text") or ""
            except json.JSONDecodeError:
                continue
            for w in word_re.findall(text):
                if w[0].islower():
                    counts[w] += 1
                else:
                    cap[w] += 1
    return counts, cap


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    out_dir = "data/lexicon"
    if "--out" in argv:
        out_dir = argv[argv.index("--out") + 1]
        args = [a for a in args if a != out_dir]
    root = args[0] if args else "../shared/data"
    gz = os.path.join(root, "gazetteer")
    store = Store()

    # ---------------- common words ----------------
    lc_counts, cap_counts = lowercase_word_counts(os.path.join(root, "news", "wh-statements-releases.jsonl"))
    stop = {w.lower() for w in EXTRA_STOP}
    for fn in sorted(os.listdir(os.path.join(gz, "xponents"))):
        if fn.startswith("non-placenames"):
            for row in csv.reader(read_lines(os.path.join(gz, "xponents", fn))):
                if row and not row[0].startswith("#") and row[0] != "exclusion":
                    stop.add(row[0].strip().lower())

    def is_common_word(w: str) -> bool:
        lw = w.lower()
        if lw in stop:
            return True
        n = lc_counts.get(lw, 0)
        # A word seen often in lower case is an ordinary word (Mobile, Split, Reading).
        return n >= 5 and n >= 0.3 * cap_counts.get(w, 0)

    titles = {t.lower() for t in TITLES}
    for t in read_lines(os.path.join(gz, "xponents", "person-title-filter.txt")):
        if t.strip() and not t.startswith("#"):
            titles.add(t.strip().lower())

    # ---------------- countries ----------------
    countries = json.load(open(os.path.join(gz, "countries", "countries.json"), encoding="utf-8"))
    geo_countries = json.load(open(os.path.join(gz, "geonames", "countries.json"), encoding="utf-8"))
    geo_by_iso3 = {v["iso3"]: v for v in geo_countries.values()}
    iso2_to_iso3 = {c["cca2"]: c["cca3"] for c in countries}
    name_to_iso3: dict[str, str] = {}
    country_rows = []
    for c in sorted(countries, key=lambda c: c["cca3"]):
        iso3 = c["cca3"]
        common = c["name"]["common"]
        official = c["name"]["official"]
        names = [common, official]
        names += CURATED_COUNTRY_NAMES.get(iso3, [])
        for alt in c.get("altSpellings", []):
            if len(alt) <= 3 or not is_latin(alt) or "," in alt or is_common_word(alt):
                continue
            names.append(alt)
        spa = c.get("translations", {}).get("spa", {}).get("common", "")
        if spa and is_latin(spa) and "(" not in spa:
            names.append(spa)
        canonical = common
        if iso3 == "TUR":
            canonical = "Turkey"
        for n in names:
            store.add(n, "country", canonical, iso3, "")
            name_to_iso3.setdefault(ascii_fold(n).lower(), iso3)
        dem = []
        eng = c.get("demonyms", {}).get("eng", {})
        for d in (eng.get("m", ""), eng.get("f", "")):
            if d and d not in dem:
                dem.append(d)
        for d in DEMONYM_EXTRA.get(iso3, []):
            if d not in dem:
                dem.append(d)
        capital = (c.get("capital") or [""])[0]
        geo = geo_by_iso3.get(iso3)
        region = c.get("subregion") or c.get("region") or ""
        country_rows.append([iso3, c["cca2"], canonical, capital, dem, region, geo])
    # UCDP/Schrodt style names
    for alias, iso3 in [("russia (soviet union)", "RUS"), ("serbia (yugoslavia)", "SRB"), ("vietnam (north vietnam)", "VNM"),
                        ("cambodia (kampuchea)", "KHM"), ("dr congo (zaire)", "COD"), ("yemen (north yemen)", "YEM"),
                        ("zimbabwe (rhodesia)", "ZWE"), ("madagascar (malagasy)", "MDG"), ("myanmar (burma)", "MMR"),
                        ("kingdom of eswatini (swaziland)", "SWZ"), ("bosnia-herzegovina", "BIH"), ("south yemen", "YEM"),
                        ("south vietnam", "VNM"), ("fyr", "MKD"), ("macedonia", "MKD"), ("united states of america", "USA"),
                        ("brunei darussalam", "BRN"), ("cote divoire", "CIV"), ("madagaskar", "MDG"),
                        ("republic of south africa", "ZAF"), ("united republic of tanzania", "TZA"), ("timor leste", "TLS"),
                        ("russian federation", "RUS"), ("congo", "COG"), ("soviet union", "RUS"), ("the soviet union", "RUS"),
                        ("ussr", "RUS"), ("democratic people's republic of korea", "PRK"), ("north korea", "PRK"),
                        ("syrian arab republic", "SYR"), ("iran (islamic republic of)", "IRN"), ("viet nam", "VNM"),
                        ("lao people's democratic republic", "LAO"), ("libyan arab jamahiriya", "LBY"),
                        ("hezbollah (lebanon)", "LBN"), ("houthi rebels (yemen)", "YEM"), ("uk", "GBR"), ("us", "USA"),
                        ("uae", "ARE"), ("czechoslovakia", "CZE"), ("east germany (gdr)", "DEU"), ("west germany (frg)", "DEU"),
                        ("yugoslavia", "SRB"), ("state of palestine", "PSE"), ("palestine", "PSE"), ("turkey", "TUR")]:
        name_to_iso3.setdefault(alias, iso3)

    def iso3_of(name: str) -> str:
        if not name:
            return ""
        k = ascii_fold(name.replace("_", " ")).lower().strip()
        if k in name_to_iso3:
            return name_to_iso3[k]
        k2 = re.sub(r"\s*\(.*?\)\s*", " ", k).strip()
        return name_to_iso3.get(k2, "")

    # demonyms: curated forms first, then countries ordered so that independent, more
    # populous countries win shared demonyms (American -> USA, not Northern Mariana Islands).
    indep = {c["cca3"]: bool(c.get("independent")) for c in countries}
    for iso3 in sorted(DEMONYM_EXTRA):
        for d in DEMONYM_EXTRA[iso3]:
            store.add(d, "demonym", d.rstrip("s") if d.endswith(("ans", "is", "ines")) else d, iso3, "", tier=-1)
    dem_order = sorted(country_rows, key=lambda r: (not indep.get(r[0], False),
                                                     -int((r[6] or {}).get("population") or 0), r[0]))
    for iso3, iso2, name, capital, dem, region, geo in dem_order:
        for d in dem:
            store.add(d, "demonym", d, iso3, "")
            if d.endswith(("an", "i")) and not d.endswith("ian") or d.endswith("ian"):
                store.add(d + "s", "demonym", d, iso3, "", tier=1)
    for line in read_lines(os.path.join(gz, "xponents", "nationalities.csv")):
        if not line or line.startswith("#"):
            continue
        parts = line.split(",")
        if len(parts) < 2 or len(parts[1].strip()) != 3:
            continue
        word, iso3 = parts[0].strip(), parts[1].strip().upper()
        if not word or not re.fullmatch(r"[a-z\- ']+", word):
            continue
        d = " ".join(w.capitalize() for w in word.split())
        store.add(d, "demonym", d, iso3, "", tier=0)

    # capitals
    cities = json.load(open(os.path.join(gz, "geonames", "cities15000.json"), encoding="utf-8"))
    capitals_seen = set()
    for iso3, iso2, name, capital, dem, region, geo in country_rows:
        caps = []
        if capital:
            caps.append(capital)
        if geo and geo.get("capital") and geo["capital"] not in caps:
            caps.append(geo["capital"])
        for cap in caps:
            if is_common_word(cap) and " " not in cap:
                continue
            flag = ""
            if " " not in cap and (cap in COMMON_SURNAMES or cap in COMMON_GIVEN_NAMES):
                if not indep.get(iso3, False):
                    continue  # Douglas (Isle of Man), Hamilton (Bermuda), Stanley (Falklands)
                flag = "ambiguous_name"
            # canonical: the countries.json capital, unless geonames names another city
            # (PSE: Ramallah vs East Jerusalem)
            same = capital and cap.split()[0] == capital.split()[0]
            store.add(cap, "capital", capital if same else cap, iso3, flag)
            capitals_seen.add((cap, iso2))
    for surface, canonical, iso3, kind in CURATED_CITIES:
        store.add(surface, kind, canonical, iso3, "")

    # ---------------- regions ----------------
    for name, iso3 in CURATED_REGIONS:
        store.add(name, "region", name.removeprefix("the "), iso3, "")
    for st in US_STATES:
        if st == "Georgia_state":
            continue  # Georgia is the country; the state is left to context
        name = st.replace("_", " ").replace(" State", "")
        store.add(name, "region", name, "USA", "us_state")
        if st in ("New_York_State", "Washington_State"):
            store.add(st.replace("_", " "), "region", name, "USA", "us_state")
    for name, iso3 in OTHER_DIVISIONS:
        store.add(name, "region", name, iso3, "")
    continents = json.load(open(os.path.join(gz, "geonames", "continents.json"), encoding="utf-8"))
    for code in sorted(continents):
        n = continents[code].get("name") or continents[code].get("toponymName")
        if n:
            store.add(n, "region", n, "", "continent")

    # ---------------- persons (first, to know surnames / given names) ----------------
    acronyms = {"UN", "U.N.", "US", "U.S.", "EU", "NATO", "OPEC", "UNHCR", "UNICEF", "WHO", "IMF", "OAS", "AU", "ASEAN",
                "ICRC", "IAEA", "UNESCO", "FAO", "WFP", "WTO", "OSCE", "UNDP", "UNEP", "IFAD", "ILO", "ITU", "UPU", "WMO",
                "WIPO", "UNIDO", "ICAO", "IMO", "UNFPA", "UNODC", "UNRWA", "UNAIDS", "IOM", "OECD", "APEC", "SAARC",
                "ECOWAS", "SADC", "IGAD", "GCC", "OIC", "CIS", "CSTO", "SCO", "BRICS", "NGO", "UNSC", "ICC", "ICJ",
                "IDB", "ADB", "AFDB", "EBRD", "EIB", "IBRD", "IFC", "MIGA", "BIS", "FATF", "G7", "G8", "G20", "II", "III",
                "IV", "USA", "UK", "UAE", "PLO", "PKK", "FARC", "ELN", "IRA", "ETA", "LTTE", "AQIM", "AQAP", "ISIS", "ISIL",
                "TV", "FM", "DC", "MNLA", "ANC", "SWAPO", "UNITA", "MPLA", "FRELIMO", "RENAMO", "SPLA", "SPLM", "RUF",
                "LRA", "ADF", "NALU", "FDLR", "CNDP", "UFDD", "JEM", "SLA", "MEND", "AFRC", "NPFL", "ULIMO", "LURD",
                "MODEL", "PFLP", "DFLP", "MILF", "MNLF", "NPA", "CPP", "ASG", "JI", "KOMID", "DPRK", "ROK", "PRC", "CPC",
                "KCNA", "IRGC", "MOIS", "AEOI", "IRISL", "EU", "OSCE", "NAFTA", "CARICOM", "CELAC", "UNASUR", "ALBA",
                "SICA", "MERCOSUR", "LAS", "AMU", "ECCAS", "EAC", "COMESA", "CEMAC", "UEMOA", "WAEMU", "BCEAO", "UNMIK",
                "UNIFIL", "MONUSCO", "MINUSMA", "UNAMID", "UNMISS", "MINUSCA", "UNAMA", "UNAMI", "UNSMIL", "AMISOM",
                "ATMIS", "KFOR", "ISAF", "SFOR", "IFOR", "EUFOR", "EULEX", "NASA", "FBI", "CIA", "DEA", "NSA", "DOJ",
                "USAID", "ILO", "ICTY", "ICTR", "OPCW", "CTBTO", "IAEA", "OAU", "OPANAL", "PAHO", "CAF", "BCIE", "CABEI",
                "IICA", "SELA", "ALADI", "CEPAL", "ECLAC", "ESCAP", "ECA", "ESCWA", "ECE", "UNCTAD", "UNITAR", "UNU",
                "IRENA", "IEA", "OAPEC", "IDA", "BRI", "AIIB", "NDB", "HRW", "MSF", "ICRC", "IFRC", "SIPRI", "IISS", "RAND"}

    person_count_sources = collections.Counter()

    def norm_person(raw: str) -> str:
        s = raw.replace("_", " ").strip()
        s = re.sub(r"\s+", " ", s)
        s = s.strip(" ,;")
        if s.isupper() or s.islower():
            s = smart_title(s, acronyms, NAME_LOWER_PARTICLES | {"of", "the", "and"})
        return s

    def good_person(name: str) -> bool:
        toks = name.split()
        if len(toks) < 2 or len(name) > 60:
            return False
        if not re.fullmatch(r"[A-Za-zÀ-ɏḀ-ỿ'’.\- ]+", name):
            return False
        if not toks[0][0].isupper() or not toks[-1][0].isupper():
            return False
        if all(t.lower() in titles or t.lower() in LOWER_PARTICLES for t in toks[:-1]):
            return False
        if any(len(t.strip(".")) == 0 for t in toks):
            return False
        if sum(1 for t in toks if len(t) == 1) >= 2 or toks[0].lower() in ("a", "aka", "a.k.a."):
            return False
        if any(t.lower().strip(".,") in titles or t in NOT_IN_NAMES for t in toks):
            return False
        if toks[0] in demonym_words:
            return False
        return True

    demonym_words = {s for s, v in store.best.items() if v[1][0] in ("demonym", "country")}
    person_names: list[tuple[str, str, str, str]] = []  # (name, canonical, iso3, role)

    def add_person(name, iso3, role, canonical=None, tier=0):
        name = name.strip()
        toks = name.split()
        # strip leading titles (Crown Prince Harald -> Harald ...; needs 2 tokens left)
        while len(toks) > 2 and toks[0].lower().strip(".") in titles:
            toks = toks[1:]
        name = " ".join(toks)
        if not good_person(name):
            return
        person_names.append((name, canonical or name, iso3, role, tier))

    for name, iso3, role in CURATED_PERSONS:
        add_person(name, iso3, role, tier=-1)
        person_count_sources["curated"] += 1

    # people_leaders.csv / people_gov.csv
    for fn, role_col in (("people_leaders.csv", "title"), ("people_gov.csv", "description")):
        rows = list(csv.DictReader(open(os.path.join(gz, "countryinfo", fn), encoding="utf-8")))
        rows.sort(key=lambda r: (r.get("endYr") or ""), reverse=True)  # most recent role first
        for r in rows:
            iso3 = iso3_of(r["country"])
            nm = norm_person(r["name"])
            role = clean_ws(r.get(role_col, ""))
            yrs = f"{(r.get('startYr') or '')[:4]}-{(r.get('endYr') or '')[:4]}"
            if role:
                role = f"{role} ({yrs})" if yrs != "-" else role
            add_person(nm, iso3, role)
            person_count_sources[fn] += 1

    # Phoenix.Countries.actors.txt person entries (comment "CountryInfo")
    roles = {"GOV": "government", "ELI": "elite", "MIL": "military", "OPP": "opposition", "REB": "rebel",
             "JUD": "judiciary", "LEG": "legislature", "BUS": "business", "MED": "media", "NGO": "ngo"}

    def parse_actor_file(path):
        """Yield (primary, synonyms, codes, comment) records from a TABARI/PETRARCH actor file."""
        rec = None
        for raw in read_lines(path):
            if raw.strip() == "" or raw.lstrip().startswith("#") or raw.lstrip().startswith("<!"):
                if rec and raw.strip() == "":
                    yield rec
                    rec = None
                continue
            comment = ""
            line = raw
            for sep in ("#", ";"):
                if sep in line:
                    line, c = line.split(sep, 1)
                    comment = comment or c.strip()
            codes = re.findall(r"\[([^\]]*)\]", line)
            phrase = re.sub(r"\[[^\]]*\]", "", line).strip()
            if raw.startswith("\t") or raw.startswith(" ") and not phrase:
                if rec:
                    rec[2].extend(codes)
                continue
            if phrase.startswith("+"):
                if rec:
                    rec[1].append(phrase[1:].strip())
                    rec[2].extend(codes)
                continue
            if rec:
                yield rec
            rec = [phrase, [], list(codes), comment]
        if rec:
            yield rec

    pc = os.path.join(root, "dictionaries", "petrarch2")
    for primary, syns, codes, comment in parse_actor_file(os.path.join(pc, "Phoenix.Countries.actors.txt")):
        if "CountryInfo" not in comment:
            continue
        iso3, role = "", ""
        best = None
        for code in codes:
            parts = code.split()
            cc = parts[0] if parts else ""
            if len(cc) >= 3 and cc[:3].isalpha():
                dr = parts[1] if len(parts) > 1 else ""
                end = dr.split("-")[-1].lstrip("<>") if dr else "99999999"
                if len(end) == 6:
                    end = ("19" if int(end[:2]) > 30 else "20") + end
                if best is None or end > best[0]:
                    best = (end, cc)
        if best:
            iso3 = best[1][:3]
            role = roles.get(best[1][3:6], best[1][3:])
        canonical = norm_person(primary)
        for s in [primary] + syns:
            add_person(norm_person(s), iso3, role, canonical=canonical)
            person_count_sources["phoenix"] += 1

    # UN sanctioned individuals
    un_path = os.path.join(gz, "un-sanctions", "un-sc-consolidated-2020-11-30.jsonl")
    un_list_iso = {"DPRK": "PRK", "Iran": "IRN", "DRC": "COD", "Libya": "LBY", "Somalia": "SOM", "Sudan": "SDN",
                   "South Sudan": "SSD", "Yemen": "YEM", "Mali": "MLI", "CAR": "CAF", "Iraq": "IRQ", "Taliban": "AFG",
                   "Guinea-Bissau": "GNB", "Lebanon": "LBN"}
    un_records = [json.loads(l) for l in read_lines(un_path) if l.strip()]
    for d in un_records:
        if d["type"] != "individual":
            continue
        iso3 = ""
        for nat in d.get("nationality") or []:
            iso3 = iso3_of(nat)
            if iso3:
                break
        if not iso3:
            iso3 = un_list_iso.get(d.get("list", ""), "")
        role = "; ".join(d.get("designation") or [])[:120]
        role = f"UN-sanctioned ({d.get('list', '')})" + (f": {role}" if role else "")
        canonical = norm_person(d["name"])
        for s in [d["name"]] + (d.get("aliases") or []):
            add_person(norm_person(s), iso3, role, canonical=canonical)
        person_count_sources["un"] += 1

    # Surnames and given names from the person lists
    surnames = collections.Counter()
    first_counts = collections.Counter()
    for name, canonical, iso3, role, _tier in person_names:
        toks = name.split()
        surnames[toks[-1]] += 1
        first = toks[0]
        if re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ]+(-[A-Z][a-z]+)?", first):
            first_counts[first] += 1

    # ---------------- organizations ----------------
    org_rows: list[tuple[str, str, str, str]] = []  # (surface, canonical, iso3, subkind)

    def add_org(surface, canonical, iso3, subkind, curated=False):
        surface = clean_ws(surface).strip(" ,;")
        if curated:
            org_rows.append((surface, canonical, iso3, subkind))
            return
        if not surface or len(surface) < 2 or "(" in surface:
            return
        if not re.search(r"[A-Z]", surface):
            return
        toks = surface.split()
        if len(toks) == 1 and is_common_word(surface):
            return
        if len(toks) == 1 and re.fullmatch(r"[A-Z0-9.&\-]+", surface) and len(surface.replace(".", "")) <= 3:
            return  # short acronyms from bulk lists are too ambiguous (IRA, NSF, PA); curated ones stay
        if len(toks) == 1 and len(surface) <= 2 and not surface.isupper():
            return
        org_rows.append((surface, canonical, iso3, subkind))

    for name, aliases, iso3 in CURATED_MEDIA:
        add_org(name, name, iso3, "media", curated=True)
        for a in aliases:
            add_org(a, name, iso3, "media", curated=True)
    for name, aliases, iso3, sub in CURATED_SECURITY:
        add_org(name, name, iso3, sub, curated=True)
        for a in aliases:
            add_org(a, name, iso3, sub, curated=True)
    for name, aliases, iso3 in CURATED_COMPANIES:
        add_org(name, name, iso3, "company", curated=True)
        for a in aliases:
            add_org(a, name, iso3, "company", curated=True)
    for name, aliases, iso3 in CURATED_ARMED:
        add_org(name, name, iso3, "armed_group", curated=True)
        for a in aliases:
            add_org(a, name, iso3, "armed_group", curated=True)

    # International organizations (supraverden)
    recs = load_yaml_records(os.path.join(gz, "intl-orgs", "supraverden-general_list.yaml"))
    for key in sorted(recs):
        r = recs[key]
        name = r.get("Name_en") if isinstance(r.get("Name_en"), str) else key
        iso3 = ""
        cc = r.get("Country") if isinstance(r.get("Country"), str) else ""
        if cc and cc not in ("ZZ", "EU"):
            iso3 = iso2_to_iso3.get(cc, "")
        forms = [name]
        for f in ("Name_other_en", "Name_other_2_en", "Name_former_en", "Abbreviation_en", "Abbreviation_other_en",
                  "Abbreviation_former_en", "Name_es", "Abbreviation_es"):
            v = r.get(f)
            if isinstance(v, str):
                forms.extend(x.strip() for x in re.split(r";|\|", v))
            elif isinstance(v, list):
                forms.extend(v)
        for f in forms:
            if not f or not is_latin(f):
                continue
            if f.isupper() and len(f) <= 2:
                continue  # two-letter abbreviations are too ambiguous unless curated
            add_org(f, name, iso3, "intl_org")

    # UCDP armed actors
    gov_re = re.compile(r"^Government of ", re.I)
    ucdp = list(csv.DictReader(open(os.path.join(gz, "ucdp", "ucdp-actor-221.csv"), encoding="utf-8-sig")))
    org_word = re.compile(r"\b(Army|Front|Movement|Forces?|Brigades?|Militia|Group|Party|Union|Council|Alliance|"
                          r"Organi[sz]ation|Cartel|Gang|Mujahideen|Jihad|Liberation|Resistance|Battalion|Legion|"
                          r"Commandos?|Guards?|Committee|Coalition|Tigers|Congress)\b")
    for r in ucdp:
        if gov_re.match(r["NameData"]) or r["Org"] == "2":
            continue
        if r["Org"] == "3" and not org_word.search(r["NameData"] + " " + r["NameOrigFullEng"]):
            continue
        locs = [l.strip() for l in re.split(r",\s*(?![^()]*\))", r["Location"]) if l.strip()]
        iso3 = ""
        text = " ".join([r["NameData"], r["NameOrigFull"], r["NameOrigFullEng"]])
        for iso3c, iso2c, cname, *_ in country_rows:
            if re.search(r"\b" + re.escape(cname) + r"\b", text):
                iso3 = iso3c
                break
        if not iso3 and len(locs) == 1:
            iso3 = iso3_of(locs[0])
        canonical = clean_ws(r["NameData"])
        forms = [r["NameData"], r["NameOrig"], r["NameOrigFull"], r["NameOrigFullEng"], r.get("NewName", ""),
                 r.get("NewNameFullEng", "")]
        for f in forms:
            f = clean_ws(f)
            if not f or f == "n/a" or not is_latin(f) or len(f) > 80:
                continue
            if f.isupper() and len(f) <= 2:
                continue
            add_org(f, canonical, iso3, "armed_group")

    # UN-sanctioned entities
    for d in un_records:
        if d["type"] != "entity":
            continue
        raw = d["name"]
        abbr = re.findall(r"\(([A-Z][A-Z0-9.\- ]{1,12})\)", raw)
        base = clean_ws(re.sub(r"\([^)]*\)", "", raw))
        canonical = smart_title(base, acronyms) if base.isupper() else base
        iso3 = un_list_iso.get(d.get("list", ""), "")
        if not iso3:
            addrs = {iso3_of(a.split("/")[-1].strip()) for a in d.get("addresses") or []}
            addrs.discard("")
            if len(addrs) == 1:
                iso3 = addrs.pop()
        sub = "armed_group" if d.get("list") in ("Al-Qaida", "ISIL", "Taliban") else "other"
        add_org(canonical, canonical, iso3, sub)
        for a in abbr:
            if len(a) >= 3:
                add_org(a.strip(), canonical, iso3, sub)
        for a in d.get("aliases") or []:
            a = clean_ws(a)
            if a and is_latin(a):
                add_org(smart_title(a, acronyms) if a.isupper() and len(a.split()) > 1 else a, canonical, iso3, sub)

    # Phoenix International / MilNonState actors
    org_kw = re.compile(r"\b(ORGANI[SZ]ATION|UNION|COUNCIL|BANK|FUND|AGENCY|COMMISSION|COMMITTEE|ASSOCIATION|"
                        r"FEDERATION|FORUM|CORPORATION|COMPANY|GROUP|PROGRAMM?E?|INSTITUTE|LEAGUE|NATIONS|COURT|"
                        r"TRIBUNAL|OFFICE|PARLIAMENT|ASSEMBLY|MOVEMENT|FRONT|ARMY|BRIGADES?|PARTY|FOUNDATION|"
                        r"CENT(?:ER|RE)|NETWORK|ALLIANCE|COALITION|SOCIETY|CROSS|CRESCENT|WATCH|INC|LTD|AIRLINES?|"
                        r"TREATY|COMMUNITY|SECRETARIAT|MISSION|FORCES?|MILITIA|CARTEL|AUTHORITY|BOARD|"
                        r"CONFERENCE|INTERNATIONAL|RESISTANCE|LIBERATION|JIHAD|COMMANDOS?|CELLS?|BATTALION|"
                        r"MUJAHIDEEN|MARTYRS|GUARDS?|REVOLUTIONARY|ISLAMI[CY]|HEZBOLLAH|HAMAS|TALIBAN|QAEDA|QAIDA)\b")
    person_kw = re.compile(r"\b(SECRETARY|PRESIDENT|CHIEF|DIRECTOR|CHAIRMAN|HEAD|SPOKESMAN|ENVOY|MINISTER|"
                           r"COMMISSIONER|GENERAL_SECRETARY|LEADER|OFFICIAL|REPRESENTATIVE|AMBASSADOR)\b")
    for fn, sub_default in (("Phoenix.International.actors.txt", "intl_org"), ("Phoenix.MilNonState.actors.txt", "armed_group")):
        for primary, syns, codes, comment in parse_actor_file(os.path.join(pc, fn)):
            code = codes[0].split()[0] if codes and codes[0].split() else ""
            iso3 = code[:3] if len(code) >= 3 and any(code[:3] == r[0] for r in country_rows) else ""
            sub = sub_default
            if fn.startswith("Phoenix.International"):
                if code.startswith("NGO"):
                    sub = "ngo"
                elif code.startswith("MNC"):
                    sub = "company"
                elif code.startswith("IGO"):
                    sub = "intl_org"
                else:
                    sub = "other"
            forms = [primary] + syns
            human = []
            for f in forms:
                p = f.replace("_", " ").strip()
                p = clean_ws(re.sub(r"\+", " ", p))
                if not p:
                    continue
                if fn.startswith("Phoenix.International") and (person_kw.search(p) or "IGOrulers" in comment):
                    continue
                is_acr = re.fullmatch(r"[A-Z][A-Z0-9.&\-]{2,11}", p) is not None
                if not is_acr and not org_kw.search(p) and fn.startswith("Phoenix.International"):
                    continue
                abbrs = re.findall(r"\(([A-Z0-9.\-]{2,12})\)", p)
                p2 = clean_ws(re.sub(r"\([^)]*\)", "", p))
                if not p2:
                    continue
                if p2.startswith("THE "):
                    p2 = p2[4:]
                title = p2 if is_acr else smart_title(p2, acronyms)
                human.append(title)
                for a in abbrs:
                    if len(a) >= 3:
                        human.append(a)
            if not human:
                continue
            canonical = human[0]
            for h in human:
                add_org(h, canonical, iso3, sub)

    # Organization surfaces: canonical's first row decides country/subkind when a later
    # alias has none (FARC alias rows inherit the curated country).
    canon_info = {}
    for surface, canonical, iso3, sub in org_rows:
        canon_info.setdefault(canonical, (iso3, sub))
    for surface, canonical, iso3, sub in org_rows:
        ciso, csub = canon_info[canonical]
        store.add(surface, "organization", canonical, iso3 or ciso, sub, min_len=1)

    # ---------------- persons into the store ----------------
    for name, canonical, iso3, role, tier in person_names:
        store.add(name, "person", canonical, iso3, role, tier=tier)

    # ---------------- equipment ----------------
    sipri_path = os.path.join(gz, "weapons", "sipri-trade-register-2025-03-13.csv")
    lines = read_lines(sipri_path)
    hdr = next(i for i, l in enumerate(lines) if l.startswith("Recipient,Supplier"))
    rdr = csv.reader(lines[hdr:])
    header = next(rdr)
    col = {h: i for i, h in enumerate(header) if h.strip()}
    desc_c = collections.defaultdict(collections.Counter)
    supp_c = collections.defaultdict(collections.Counter)
    alias_of: dict[str, str] = {}
    version_alias: dict[str, str] = {}
    alias_re = re.compile(r"\b(?:[A-Z][A-Za-z]+|US|UK|UAE|NATO|Houthi|Hezbollah) (?:designation|desgination)\s+"
                          r"(?:probably |possibly |perhaps )?([A-Z0-9][A-Za-z0-9\-/ .]*?)(?=\s*(?:;|,|\(|$| or | for | and |\)))")
    called_re = re.compile(r"\b(?:also called|known as|locally called|local name|named)\s+([A-Z0-9][A-Za-z0-9\-/ .]*?)"
                           r"(?=\s*(?:;|,|\(|$| or | for | and |\)))")
    version_re = re.compile(r"(?:^|[;,]\s*|\b(?:Probably|Possibly|probably|possibly|Armed|incl)\s+)"
                            r"([A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+[A-Za-z0-9/]*) version\b")
    for row in rdr:
        if len(row) <= col["Comments"]:
            continue
        des = clean_ws(row[col["Weapon designation"]])
        if not des:
            continue
        desc = clean_ws(row[col["Weapon description"]])
        supp = clean_ws(row[col["Supplier"]])
        comments = row[col["Comments"]]
        names = [des]
        if "/" in des and not re.search(r"\d/\d", des):
            names = [n.strip() for n in des.split("/") if n.strip()]
        for n in names:
            desc_c[n][desc] += 1
            supp_c[n][supp] += 1
        for m in alias_re.finditer(comments):
            a = m.group(1).strip(" .")
            if 2 <= len(a) <= 30:
                alias_of.setdefault(a, names[0])
        for m in called_re.finditer(comments):
            a = m.group(1).strip(" .")
            if 2 <= len(a) <= 30:
                alias_of.setdefault(a, names[0])
        for m in version_re.finditer(comments):
            a = m.group(1).strip(" .")
            if 2 <= len(a) <= 30 and a != names[0]:
                version_alias.setdefault(a, names[0])

    equip_stop = {w.lower() for w in ("Patriot", "Javelin", "Stinger", "Harpoon", "Tomahawk", "Abrams", "Bradley",
                                       "Reaper", "Predator", "Lancet", "Kalibr", "Kinzhal", "Iskander", "Emad",
                                       "Sejjil", "Fattah", "Arpia", "Kalashnikov", "Taurus")}

    def good_designation(d: str, curated: bool = False) -> bool:
        if len(d) < 2 or len(d) > 40 or not is_latin(d):
            return False
        if curated:
            return True
        if not re.search(r"[A-Za-z]", d) or len(d.replace("-", "").replace(" ", "")) < 3:
            return False  # bare numbers (41) and 2-character codes (C5) are not names
        toks_ = d.split()
        if len(toks_) == 1 and not any(ch.isdigit() for ch in d):
            # single words without a number are mostly ship classes and names (Tribal,
            # Hunter, Knox); keep only long acronyms (HIMARS, NASAMS)
            if not (d.isupper() and len(d) >= 4 and not is_common_word(d)):
                return False
        if len(toks_) > 1 and not any(ch.isdigit() for ch in d) and any(
                t in given_all or t in surnames or t in COMMON_SURNAMES for t in toks_):
            return False  # Paul Revere, Da Silva
        if "?" in d or d.lower() in ("unknown", "various"):
            return False
        toks = d.split()
        if not any(ch.isupper() or ch.isdigit() for ch in d):
            return False
        if len(toks) == 1 and not any(ch.isdigit() for ch in d):
            if d.lower() in equip_stop:
                return True
            if is_common_word(d) or d.lower() in stop or len(d) <= 3 and not d.isupper():
                return False
            # ship-class and programme names that are also places or person names
            if d in first_counts or d in surnames or d in city_names or d in COMMON_GIVEN_NAMES:
                return False
        if len(toks) > 1 and all(is_common_word(t) for t in toks if not any(c.isdigit() for c in t)) \
                and not any(any(c.isdigit() for c in t) for t in toks):
            return False
        return True

    equipment_names = set()
    city_names = {clean_ws(v["name"]) for v in cities.values()}

    given_all = set(COMMON_GIVEN_NAMES) | {g for g, n in first_counts.items() if n >= 2}

    def add_equipment(surface, canonical, desc, iso3, tier=0, curated=False):
        if not good_designation(surface, curated):
            return
        equipment_names.add(canonical)
        store.add(surface, "equipment", canonical, iso3, desc, tier=tier)
        # hyphen / space variants: Mohajer-6 <-> Mohajer 6; F-16 -> F16
        m = re.fullmatch(r"([A-Za-z]+)-(\d[\w\-]*)(.*)", surface)
        if m:
            pre, num, rest = m.groups()
            if len(pre) >= 3:
                store.add(f"{pre} {num}{rest}", "equipment", canonical, iso3, desc, tier=tier + 1)
            elif len(pre) + len(num) + len(rest) >= 3:
                store.add(f"{pre}{num}{rest}", "equipment", canonical, iso3, desc, tier=tier + 1)
        m = re.fullmatch(r"([A-Za-z]{3,}) (\d[\w\-]*)", surface)
        if m:
            store.add(f"{m.group(1)}-{m.group(2)}", "equipment", canonical, iso3, desc, tier=tier + 1)

    for alias, canonical, desc, iso3 in CURATED_EQUIPMENT:
        add_equipment(alias, canonical, desc, iso3, curated=True)
    for d in sorted(desc_c):
        desc = desc_c[d].most_common(1)[0][0]
        supp = supp_c[d].most_common(1)[0][0]
        add_equipment(d, d, desc, iso3_of(supp))
    for a in sorted(alias_of):
        base = alias_of[a]
        if a in desc_c or not any(ch.isdigit() for ch in a):
            continue  # local names without a number are mostly ship names (Cornwall, Malaika)
        desc = desc_c[base].most_common(1)[0][0] if base in desc_c else ""
        supp = supp_c[base].most_common(1)[0][0] if base in supp_c else ""
        add_equipment(a, base, desc, iso3_of(supp), tier=0)
    for a in sorted(version_alias):
        base = version_alias[a]
        if a in desc_c or a in alias_of:
            continue
        desc = desc_c[base].most_common(1)[0][0] if base in desc_c else ""
        supp = supp_c[base].most_common(1)[0][0] if base in supp_c else ""
        add_equipment(a, base, desc, iso3_of(supp), tier=1)
    oryx = json.load(open(os.path.join(gz, "weapons", "oryx-russia-losses-equipment-models.json"), encoding="utf-8"))
    for o in sorted(oryx, key=lambda o: o["model"]):
        model = clean_ws(o["model"])
        iso3 = iso3_of(re.sub(r"^the ", "", o.get("manufacturer", "") or ""))
        add_equipment(model, model, (o.get("equipment_oryx") or "").lower(), iso3)

    # ---------------- equipment classes ----------------
    for sing, plur in EQUIPMENT_CLASSES:
        for form in (sing, plur):
            if not form:
                continue
            store.add(form, "equipment_class", sing, "", "", variants=False)
            if form[0].islower():
                store.add(form[0].upper() + form[1:], "equipment_class", sing, "", "", tier=1, variants=False)

    # ---------------- given names ----------------
    place_words = set()
    for s, (rank, (kind, canonical, iso3, extra)) in store.best.items():
        if kind in ("country", "demonym", "capital", "organization", "region"):
            for t in s.split():
                place_words.add(t)
    given = set()
    for g in COMMON_GIVEN_NAMES:
        if g.lower() not in titles:
            given.add(g)
    for g, n in first_counts.items():
        if n < 2 or len(g) < 3:
            continue
        if g.lower() in titles or g in place_words or is_common_word(g):
            continue
        given.add(g)
    given = {g for g in given if re.fullmatch(r"[A-ZÀ-Þ][A-Za-zß-ÿ'\-]+", g)}
    given_folded = {ascii_fold(g) for g in given}
    given |= given_folded

    # ---------------- cities (lowest priority among places; filtered) ----------------
    surname_set = {s for s, n in surnames.items() if n >= 1} | set(COMMON_SURNAMES)
    region_names = {s for s, v in store.best.items() if v[1][0] == "region"}
    inst_re = re.compile(r"\b(University|College|Campus|Airport|Base|Cantonment|Station|Colony|Estate|Township)\b")
    city_list = sorted(cities.values(), key=lambda v: (-int(v.get("population") or 0), v["geonameid"]))
    city_count = 0
    pending_alts = []

    def city_ok(name: str, pop: int) -> tuple[bool, str]:
        if not is_latin(name) or len(name) < 3:
            return False, ""
        if name in region_names or ascii_fold(name) in region_names or inst_re.search(name):
            return False, ""  # Florida (Cuba), Asia (Philippines), University of Texas
        if is_common_word(ascii_fold(name)) and " " not in name:
            return False, ""  # Savé -> Save
        toks = name.split()
        if not name[0].isupper():
            return False, ""
        if len(toks) == 1:
            if is_common_word(name):
                return False, ""
            if len(name) <= 3 and pop < 100000:
                return False, ""
            if name in given or name in surname_set or ascii_fold(name) in surname_set:
                if pop >= 1000000:
                    return True, "ambiguous_name"
                return False, ""
        else:
            if all(is_common_word(t) for t in toks):
                return False, ""
        return True, ""

    for v in city_list:
        name = clean_ws(v["name"])
        pop = int(v.get("population") or 0)
        iso3 = iso2_to_iso3.get(v["countrycode"], "")
        ok, flag = city_ok(name, pop)
        extra = f"pop={pop}" + (f";{flag}" if flag else "")
        if (name, v["countrycode"]) in capitals_seen:
            # the capital entry already exists; add alternates as capital surfaces
            kind = "capital"
        else:
            kind = "city"
        if ok:
            if kind == "city":
                store.add(name, "city", name, iso3, extra)
            city_count += 1
            variants = set()
            if name.startswith("Saint "):
                variants |= {"St. " + name[6:], "St " + name[6:]}
            if pop >= 50000:
                for alt in v.get("alternatenames") or []:
                    alt = clean_ws(alt)
                    if alt == name or len(alt) < 4 or not is_latin(alt) or any(c.isdigit() for c in alt):
                        continue
                    # English/Spanish-looking spellings only: plain ASCII or Spanish accents, and
                    # for smaller cities only spellings that differ from the name by accents/case.
                    if not _EN_ES.match(alt):
                        continue
                    if pop < 200000 and ascii_fold(alt).lower().replace("-", " ") != ascii_fold(name).lower().replace("-", " "):
                        continue
                    if "(" in alt or "/" in alt or "'" in alt and "'" not in name:
                        continue
                    if "-" in alt and "-" not in name:
                        continue
                    if alt.isupper():
                        continue
                    at = alt.split()
                    if not all(t[0].isupper() or t.lower() in LOWER_PARTICLES for t in at):
                        continue
                    if len(at) > 5:
                        continue
                    if alt in city_names and alt != name:
                        continue  # Philadelphia is not Amman, even historically
                    aok, aflag = city_ok(alt, pop)
                    if aok and not aflag:
                        variants.add(alt)
            for alt in sorted(variants):
                pending_alts.append((alt, name, iso3, extra, kind))
    for alt, name, iso3, extra, kind in pending_alts:
        if kind == "capital":
            store.add(alt, "capital", name, iso3, "", tier=1)
        else:
            store.add(alt, "city", name, iso3, extra, tier=1)

    # ---------------- final filters ----------------
    def bad(surface, v):
        kind = v[0]
        if kind == "equipment_class":
            return False
        if not re.search(r"[A-Z0-9]", surface):
            return True  # lower-case common words are never names
        if kind in ("country", "demonym", "organization", "equipment"):
            return False
        if " " not in surface and surface in EXTRA_STOP:
            return True
        return False

    store.remove_if(bad)

    # ---------------- write ----------------
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "gazetteer.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("#surface\tkind\tcanonical\tcountry\textra\n")
        for row in store.rows():
            f.write("\t".join(row) + "\n")
    with open(os.path.join(out_dir, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("#iso3\tiso2\tname\tcapital\tdemonyms\tregion\n")
        for iso3, iso2, name, capital, dem, region, geo in sorted(country_rows):
            f.write("\t".join([iso3, iso2, name, capital, "|".join(dem), region]) + "\n")
    with open(os.path.join(out_dir, "given_names.txt"), "w", encoding="utf-8", newline="\n") as f:
        for g in sorted(given):
            f.write(g + "\n")

    kinds = collections.Counter(v[1][0] for v in store.best.values())
    canon = collections.defaultdict(set)
    for s, (rank, (kind, c, iso3, extra)) in store.best.items():
        canon[kind].add(c)
    print("surfaces per kind:", dict(sorted(kinds.items())), file=sys.stderr)
    print("canonicals per kind:", {k: len(v) for k, v in sorted(canon.items())}, file=sys.stderr)
    print("given names:", len(given), "countries:", len(country_rows), file=sys.stderr)
    print("collisions (replaced kind, new kind):", dict(sorted(store.dropped.items())), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
