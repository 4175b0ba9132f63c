"""English words the resolver reads around a mention (linguistic knowledge, not world facts).

- ``SECTOR_NOUNS``: the head noun a country adjective or possessive modifies decides the sector
  ("Russian troops" → MIL, "Armenian counterparts" → GOV, "Azerbaijani media" → JRN).
- ``LOCATIVE_PREPS``: a capital after one of these is a place ("talks in Moscow"), not the
  government speaking ("Moscow said"): we keep the country code but give no sector and a
  lower confidence.
"""

from __future__ import annotations

_SECTORS = {
    "GOV": "government governments official officials minister ministers ministry ministries "
           "diplomat diplomats diplomacy mediation mediator mediators mediation leadership leader "
           "leaders president presidency authority authorities side sides counterpart counterparts "
           "delegation delegations embassy embassies ambassador ambassadors envoy envoys "
           "administration cabinet state regime foreign-policy policy negotiator negotiators "
           "spokesman spokeswoman spokesperson premier chancellor kremlin position proposal "
           "initiative mission missions statement statements presidential attitude stance approach "
           "positions",
    "MIL": "troops troop army armies military militaries soldier soldiers force forces "
           "peacekeeper peacekeepers peacekeeping servicemen serviceman commander commanders "
           "drills drill exercises navy air-force artillery warplanes jets drones battalion "
           "brigade units officers general generals base bases contingent",
    "COP": "police policeman policemen",
    "LEG": "parliament parliamentary lawmakers lawmaker legislature legislators deputies "
           "mps senate senators duma congress",
    "OPP": "opposition",
    "REB": "rebels rebel separatists separatist militants militant insurgents insurgent "
           "guerrillas militia militias fighters",
    "JRN": "media journalist journalists newspaper newspapers press television tv reporter "
           "reporters outlet outlets news",
    "JUD": "court courts judge judges prosecutor prosecutors judiciary",
    "CVL": "civilians civilian people citizens citizen population refugees refugee villagers "
           "residents public community communities diaspora dweller dwellers",
    "BUS": "company companies business businesses firm firms corporation farmer farmers "
           "seller sellers trader traders merchant merchants producer producers exporter "
           "exporters importer importers",
    "SPY": "intelligence spy spies",
}
SECTOR_NOUNS: dict[str, str] = {
    word: sector for sector, words in _SECTORS.items() for word in words.split()
}

LOCATIVE_PREPS = frozenset(
    ["in", "at", "to", "from", "near", "into", "inside", "outside", "around", "across", "toward", "towards", "via", "through", "within", "throughout", "between", "outskirts"]
)

# Modifier relations through which an adjective / possessive / name qualifies a head noun.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
