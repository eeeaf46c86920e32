"""Cities news names most: capitals and a few news hubs, to catch the small model's mistypes.

The small model sometimes tags a capital as a person ("visited Kyiv"); a capital is a place,
never a country (those are the ``countries`` module's). A name is only re-typed where the
model tagged it: searching the text for untagged city names was tried and dropped (on the
validation pages it only added wrong places). No maintained PyPI library lists capitals without
pulling in a large data set, so this is a table.
"""

from __future__ import annotations

_CITIES = """
Kabul|Tirana|Algiers|Andorra la Vella|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Manama
Dhaka|Bridgetown|Minsk|Brussels|Belmopan|Porto-Novo|Thimphu|La Paz|Sucre|Sarajevo|Gaborone
Brasilia|Brasília|Bandar Seri Begawan|Bujumbura|Gitega|Phnom Penh|Yaounde|Yaoundé|Ottawa
Bangui|N'Djamena|Santiago|Beijing|Bogota|Bogotá|Kinshasa|Brazzaville|San Jose|Yamoussoukro
Abidjan|Zagreb|Havana|Nicosia|Prague|Copenhagen|Santo Domingo|Quito|Cairo|San Salvador|Malabo
Asmara|Tallinn|Mbabane|Addis Ababa|Suva|Helsinki|Paris|Libreville|Banjul|Tbilisi|Berlin|Accra
Athens|Guatemala City|Conakry|Bissau|Georgetown|Port-au-Prince|Tegucigalpa|Budapest|Reykjavik
New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Kingston|Tokyo|Amman
Astana|Nairobi|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli
Vaduz|Vilnius|Antananarivo|Lilongwe|Kuala Lumpur|Male|Bamako|Valletta|Nouakchott|Port Louis
Mexico City|Chisinau|Ulaanbaatar|Ulan Bator|Podgorica|Rabat|Maputo|Naypyidaw|Yangon|Windhoek
Kathmandu|Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|Lagos|Pyongyang|Skopje|Oslo
Muscat|Islamabad|Panama City|Port Moresby|Asuncion|Asunción|Lima|Manila|Warsaw|Lisbon|Doha
Bucharest|Moscow|Kigali|Riyadh|Dakar|Belgrade|Freetown|Bratislava|Ljubljana|Mogadishu
Pretoria|Cape Town|Johannesburg|Seoul|Juba|Madrid|Colombo|Khartoum|Port Sudan|Paramaribo
Stockholm|Bern|Geneva|Zurich|Damascus|Aleppo|Taipei|Dushanbe|Dodoma|Dar es Salaam|Bangkok
Dili|Lome|Lomé|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv
Abu Dhabi|Dubai|London|Washington|Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Sanaa
Lusaka|Harare|Gaza|Ramallah|Mosul|Shanghai|Hong Kong|Mumbai|Karachi|Lahore|New York
Los Angeles|Chicago|San Francisco|Toronto|Montreal|Sydney|Melbourne|Sao Paulo|São Paulo
Rio de Janeiro|Frankfurt|Munich|Hamburg|Milan|Barcelona|Marseille|Lyon|Brussels|Davos
Strasbourg|Luxembourg City|Minsk|Donetsk|Luhansk|Crimea|Kherson|Zaporizhzhia|Mariupol
Bakhmut|Sevastopol|St Petersburg|Saint Petersburg|Novosibirsk|Vladivostok|Manchester
Edinburgh|Glasgow|Belfast|Cardiff|Birmingham|Athens|Nairobi|Mombasa|Kolkata|Chennai|Bangalore
"""
CITIES: frozenset[str] = frozenset(
    name.strip() for line in _CITIES.split("\n") for name in line.split("|") if name.strip()
)


def is_city(name: str) -> bool:
    """True for a capital or news hub in the table ("Kyiv", "The Hague")."""
    return name in CITIES


# The AP abbreviations of US states, as datelines and party tags write them ("NAPA, Calif.",
# "(D-Ill.)"): a place, the same one as the state's name. Only dotted forms: "CA", "IN", "OR"
# are words or other things.
_STATES = """
Ala.=Alabama|Ariz.=Arizona|Ark.=Arkansas|Calif.=California|Colo.=Colorado|Conn.=Connecticut
Del.=Delaware|Fla.=Florida|Ga.=Georgia|Ill.=Illinois|Ind.=Indiana|Kan.=Kansas|Ky.=Kentucky
La.=Louisiana|Md.=Maryland|Mass.=Massachusetts|Mich.=Michigan|Minn.=Minnesota
Miss.=Mississippi|Mo.=Missouri|Mont.=Montana|Neb.=Nebraska|Nev.=Nevada|N.H.=New Hampshire
N.J.=New Jersey|N.M.=New Mexico|N.Y.=New York|N.C.=North Carolina|N.D.=North Dakota
Okla.=Oklahoma|Ore.=Oregon|Pa.=Pennsylvania|R.I.=Rhode Island|S.C.=South Carolina
S.D.=South Dakota|Tenn.=Tennessee|Vt.=Vermont|Va.=Virginia|Wash.=Washington
W.Va.=West Virginia|Wis.=Wisconsin|Wyo.=Wyoming
"""
STATE_ABBREVIATIONS: dict[str, str] = dict(
    pair.split("=") for line in _STATES.splitlines() for pair in line.split("|") if pair
)


def state_name(text: str) -> str | None:
    """The state an AP abbreviation names ("Calif." -> "California"), else None."""
    return STATE_ABBREVIATIONS.get(text.strip())
