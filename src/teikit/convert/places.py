"""Places a dateline names without the register's help.

A diplomatic document is written at a post: a capital or a city with a
mission or a party committee. When a line of the opener holds only such a
place ("Pyongyang", "MOSCOW"), it is the place half of a dateline, and the
converter can say so without the edition's register listing it; the
register, when it has the place, adds the ``@ref`` as for any other name.
The list is general knowledge of where such documents were written (capitals
of the period and the cities of consulates and conferences), not drawn from
any one document; a place it lacks is simply left as text.
"""

from __future__ import annotations

import re

from .model import Node, walk

_CITIES = """
Accra, Addis Ababa, Algiers, Amman, Ankara, Antananarivo, Athens, Baghdad, Bamako, Bangkok, Beijing, Peking,
Beirut, Belgrade, Berlin, Bern, Bonn, Brasília, Brasilia, Bratislava, Brussels, Bucharest, Budapest, Buenos Aires,
Busan, Pusan, Cairo, Canberra, Canton, Caracas, Chongjin, Chongqing, Colombo, Conakry, Copenhagen, Dakar, Damascus,
Dar es Salaam, Delhi, New Delhi, Dhaka, Djakarta, Jakarta, Dresden, Dublin, Frankfurt, Gdańsk, Geneva, Guangzhou,
Hamburg, Hamhung, Hanoi, Harbin, Havana, Helsinki, Hong Kong, Islamabad, Kabul, Kaesong, Kaliningrad, Karachi,
Kathmandu, Khartoum, Kiev, Kyiv, Kinshasa, Kobe, Kraków, Kuala Lumpur, Kyoto, La Paz, Lagos, Leipzig, Leningrad,
Lima, Lisbon, Ljubljana, London, Luanda, Lusaka, Madrid, Managua, Manila, Maputo, Marseille, Mexico City, Milan,
Minsk, Mogadishu, Montevideo, Moscow, Munich, Nairobi, Nampo, Nanjing, Nanking, New York, Nicosia, Odessa, Osaka,
Oslo, Ottawa, Panmunjom, Paris, Phnom Penh, Prague, Pyongyang, Quito, Rabat, Rangoon, Yangon, Reykjavik,
Rio de Janeiro, Riyadh, Rome, Saigon, Santiago, Sarajevo, Seoul, Shanghai, Shenyang, Singapore, Sinuiju, Skopje,
Sofia, Stockholm, Taipei, Tashkent, Tbilisi, Tehran, Teheran, Tirana, Tokyo, Tripoli, Tunis, Ulaanbaatar,
Ulan Bator, Vienna, Vientiane, Vladivostok, Warsaw, Washington, Wellington, Wonsan, Wuhan, Yokohama, Zagreb
"""
# Longest first, so "New Delhi" wins over "Delhi"; matched whole and case-insensitively
# (archives write "PYONGYANG" as often as "Pyongyang").
_NAMES = sorted({n.strip() for n in _CITIES.split(",")}, key=len, reverse=True)
KNOWN = frozenset(name.casefold() for name in _NAMES)
_LEADING = re.compile(r"^(?P<place>" + "|".join(re.escape(n) for n in _NAMES) + r")(?=,|\s*$)", re.IGNORECASE)


def is_place(text: str) -> bool:
    """Whether ``text`` is one known place and nothing else."""
    return text.strip().casefold() in KNOWN


def mark_dateline_places(items: list, register_places: frozenset = frozenset()) -> None:
    """Wrap the place a dateline starts with in ``<placeName>`` (in place).

    Only the leading text of a ``<dateline>`` is looked at, and only a whole
    known place followed by a comma or the end of the line ("Moscow, 12 May
    1962", "PYONGYANG"), so no word of a sentence is ever taken for a place.
    """
    for node in walk(items):
        if node.tag != "dateline" or not node.children or not isinstance(node.children[0], str):
            continue
        first = node.children[0]
        stripped = first.lstrip()
        found = _LEADING.match(stripped)
        place = found.group(0) if found else stripped.rstrip(" ,")
        if not found and place not in register_places:
            continue
        lead, rest = first[:len(first) - len(stripped)], stripped[len(place):]
        node.children[0:1] = [c for c in (lead, Node("placeName", {}, [place]), rest) if c != ""]
