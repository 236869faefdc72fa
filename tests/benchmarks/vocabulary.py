"""Words and templates of the synthetic news (finance and tech English), written for the benchmark
generator. Nothing here is a real headline.

Rules the lists keep (the generator checks them on every article it writes):
- no event-type keyword of seeds/event_types.csv outside KEYWORD_* (those patterns match
  anywhere, case-insensitively, without word boundaries: no "investor" (invest), "route" (rout),
  "interest rate", "guidance", "data center", "$2 billion", and no word ending in "ai" before a
  word starting with "app");
- plain ASCII text that HTML unescaping leaves alone (no "<", ">", and "&" only inside "V&P");
- no word that equals a synthetic entity's name (the generator refuses such names).

Placeholders are filled by the generator (see _SLOT_VALUES there); {E} and {E2} are entities.
"""

# ---------------------------------------------------------------- slot fillers
CITIES = ["Oslo", "Lisbon", "Austin", "Seoul", "Toronto", "Singapore", "Dublin", "Warsaw",
          "Denver", "Osaka", "Lyon", "Monterrey", "Rotterdam", "Melbourne", "Nairobi", "Krakow",
          "Bangalore", "Montreal", "Stockholm", "Zurich", "Madrid", "Chicago", "Boston",
          "Atlanta", "Jakarta", "Manila", "Hamburg", "Munich", "Porto", "Vancouver", "Helsinki",
          "Brisbane", "Phoenix", "Seattle", "Lagos", "Santiago", "Prague", "Vienna", "Tallinn"]
SECTORS = ["chip", "software", "energy", "shipping", "retail", "airline", "mining", "bank",
           "insurance", "biotech", "telecom", "utility", "carmaker", "gaming", "media",
           "railway", "steel", "chemical", "property", "food", "defense", "solar", "battery",
           "payments", "robotics", "cloud", "hardware", "fashion", "travel", "logistics"]
BANKS = ["Lindqvist Partners", "Harbourne Securities", "Castor Brothers", "Wexley Capital Markets",
         "Northgate Research", "Brightwater Advisory", "Kellerman Ashby", "Rosslyn Equity",
         "Tavener and Cole", "Upland Research", "Fairlie Morrow", "Greystone Analytics"]
WHEN = ["early", "morning", "afternoon", "late", "midday", "choppy", "heavy", "thin",
        "after-hours", "premarket"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ROLES = ["finance chief", "operating chief", "head of sales", "technology chief",
         "general counsel", "head of research", "marketing chief", "board chair",
         "head of engineering", "supply chain head", "risk chief", "treasurer", "chief economist",
         "head of design", "head of retail", "president"]

# ---------------------------------------------------------------- titles
# Titles are built from many small independent slots, so that two unrelated titles rarely share
# half their words (the project's story rule): subject, verb, object, then one or two contexts.
ADJECTIVES = ["budget", "premium", "overseas", "flagship", "regional", "cheaper", "smaller",
              "faster", "consumer", "enterprise", "industrial", "mobile", "European", "Asian",
              "low-cost", "high-end", "wholesale", "online", "rural", "urban", "electric",
              "compact", "refurbished", "next-generation", "entry-level", "subscription",
              "wireless", "modular", "heavy-duty", "lightweight", "domestic", "quieter"]
NOUNS = ["phone range", "cloud tier", "logistics arm", "sensor line", "recycling program",
         "loyalty scheme", "battery line", "packaging plant", "payments service", "research lab",
         "van lineup", "broadband plan", "robot fleet", "imaging unit", "lending arm",
         "meter business", "turbine unit", "streaming bundle", "security suite", "drone trial",
         "delivery arm", "cargo unit", "game studio", "insurance line", "heat pump range",
         "laptop lineup", "fiber network", "factory", "training academy", "charging network",
         "therapy program", "spare parts business", "booking platform", "wearable line",
         "cement plant", "refinery", "memory line", "printer range", "kitchen brand",
         "tire plant", "seed business", "bike range", "camera line", "satellite unit",
         "grocery service", "ticketing system", "warehouse network", "rental business",
         "parcel lockers", "coffee chain", "solar farm", "design studio", "call center",
         "mapping software", "ferry service", "pet food brand", "scooter fleet", "test lab"]
COMPANY_VERBS = ["unveils", "delays", "expands", "reviews", "overhauls", "pauses", "trims",
                 "relaunches", "tests", "spins off", "scales back", "speeds up", "renames",
                 "sells", "closes", "upgrades", "shows off", "reprices", "restructures",
                 "doubles", "rebrands", "shelves", "revives", "rethinks", "streamlines",
                 "refreshes", "extends", "narrows", "licenses", "automates", "outsources",
                 "relocates", "merges", "splits", "downsizes", "modernizes"]
CONTRACT_SIZES = ["large", "small", "multiyear", "five-year", "record", "modest", "first",
                  "follow-on", "lucrative", "regional"]
RIVALS = ["a rival", "a startup", "a supplier", "a bank", "a customer", "a competitor",
          "a consultancy", "a peer"]
CORPORATE = ["plans a buyback of {pct} of its shares", "lifts its dividend by {pct}",
             "files for a listing in {city}", "settles a {sector} patent dispute",
             "faces a patent lawsuit in {city}", "wins a court appeal in {city}",
             "loses a court appeal in {city}", "refinances debt due in {month}",
             "sets a {month} date for its product event", "signs a lease in {city}",
             "ends a {sector} pilot early", "raises {pct} in a bond sale",
             "adds a {role} to its board", "opens talks with unions in {city}",
             "lifts prices by {pct}", "wins approval for a {city} plant",
             "moves its head office to {city}", "recalls a batch of {adj} devices",
             "cuts prices in {city}"]
PERIODS = ["one-month", "three-month", "six-month", "yearly", "two-year", "record", "five-week"]
MOVES_PLURAL = ["edge higher", "drift lower", "hold steady", "swing in {when} trade",
                "climb to a {period} high", "fall to a {period} low", "lag the market",
                "outpace the market", "rise {pct}", "slip {pct}", "gain {pct}", "dip {pct}",
                "jump {pct}", "sink {pct}", "recover {pct}", "pare gains", "pare losses"]
MOVES_SINGULAR = ["edges higher", "drifts lower", "holds steady", "swings in {when} trade",
                  "climbs to a {period} high", "falls to a {period} low", "lags the market",
                  "outpaces the market", "rises {pct}", "slips {pct}", "gains {pct}",
                  "dips {pct}", "jumps {pct}", "sinks {pct}", "recovers {pct}", "pares gains",
                  "pares losses"]
RECEPTIONS = ["draws early orders", "wins praise", "faces scrutiny", "gets a cool reception",
              "meets delays", "beats hopes", "falls short", "splits opinion", "lifts the mood",
              "tests management", "gets a lift", "sparks debate", "wins converts",
              "draws complaints"]
ANALYST_ON = ["Analysts turn cautious on", "Traders pile into", "Rivals take aim at",
              "Suppliers line up behind", "Short sellers circle", "Fund managers warm to",
              "Shareholders push back against", "Customers flock to", "Unions push back at",
              "Lenders tighten terms for", "Critics question", "Engineers leave",
              "Brokers upgrade", "Brokers downgrade", "Hedge funds trim stakes in"]
TOKEN_VERBS = ["network upgrade goes live in {month}", "developers ship a {adj} upgrade",
               "fees fall to a {period} low", "draws {trend} wallet signups",
               "validators approve {adj} fee rules", "lists on a new exchange in {city}",
               "foundation names a new {role}", "sees record {sector} transactions",
               "wallet adds {sector} payments", "developers fix a {adj} bug"]
PERSON_VPS = ["talks up {sector} demand", "warns of slower {sector} hiring",
              "meets {sector} executives in {city}", "sells a block of shares in {month}",
              "joins the board of a {sector} startup", "steps down as {role}",
              "outlines a leaner {sector} strategy", "takes the stage in {city}",
              "buys shares worth {pct} of salary", "hands {sector} duties to a deputy",
              "backs a {adj} {noun}", "defends the {adj} {noun}"]
COUNTRY_VPS = ["reports stronger {sector} output", "approves new {sector} rules",
               "posts a wider trade surplus in {month}", "sees {trend} consumer spending",
               "names a new minister for {sector}", "plans a bond sale in {month}",
               "lifts its {sector} growth forecast", "cuts its {sector} growth forecast",
               "opens a tender for a {city} rail line", "reports more tourist arrivals in {month}",
               "passes a budget in {month}", "sees home prices cool in {month}",
               "backs local {sector} makers", "courts {sector} makers from {city}"]
ORG_VPS = ["opens a review of {sector} fees", "names a new {role}",
           "publishes its {sector} market report", "warns about {trend} household debt",
           "proposes simpler {sector} disclosures", "fines a {sector} broker",
           "delays a vote on {sector} listings", "seeks comments on a {sector} code",
           "updates its {sector} outlook", "holds a hearing in {city}",
           "approves a merger of two {sector} groups", "sets up a {sector} panel"]
PRODUCT_VPS = ["goes on sale in {city}", "draws long lines in {city}",
               "gets a {adj} software update", "faces supply delays in {city}",
               "wins a design award in {city}", "sells out in {city}", "gets {trend} reviews",
               "arrives in {city} stores", "gets a {adj} version"]
PAIR_COMPANY = ["expands its partnership with", "signs a supply pact with", "ends talks with",
                "teams up with", "wins a contract from", "settles a dispute with",
                "overtakes", "hires an engineer from", "challenges", "draws level with",
                "sues", "loses a customer to", "renews a license with",
                "poaches an executive from", "files a complaint against", "outbids"]
PAIR_COUNTRY = ["expands in", "opens a plant in", "wins approval to sell in",
                "pauses shipments to", "hires hundreds in", "moves production to",
                "opens an office in"]
PAIR_PERSON = ["names {E2} to its board", "hires {E2} as an adviser",
               "says {E2} will lead a new unit", "confirms {E2} as its next chair"]
PAIR_GENERAL = ["{E} and {E2} agree on {sector} rules", "{E} and {E2} hold talks in {city}",
                "{E} and {E2} clash over {sector} plans", "{E} and {E2} sign a research pact"]
PAIR_ORG = ["faces questions from", "wins backing from", "answers a request from",
            "gets a warning letter from", "joins"]
GENERIC_SUBJECTS = ["Chipmakers", "Regional lenders", "Cloud software shares", "Small caps",
                    "Freight companies", "European carmakers", "Payment processors",
                    "Crypto miners", "Battery suppliers", "Streaming platforms", "Bond traders",
                    "Oil producers", "Airline shares", "Utility stocks", "Consumer brands",
                    "Homebuilders", "Insurers", "Luxury groups", "Mining shares",
                    "Defense contractors", "Semiconductor suppliers", "Retail stocks",
                    "Telecom operators", "Biotech shares", "Gaming companies",
                    "Shipping lines", "Steelmakers", "Hotel chains", "Food producers",
                    "Robotics startups", "Exchange operators", "Asset managers",
                    "Office landlords", "Solar panel makers", "Railway operators",
                    "Medical device makers", "Fashion retailers", "Water utilities",
                    "Toy makers", "Brewers", "Drugmakers", "Cinema chains", "Car rental firms"]
GENERIC_VPS = ["{move}", "{move}", "{move}", "draw buyers in {city}", "brace for {trend} {driver}",
               "bet on {trend} {driver}", "cut {sector} jobs", "add {sector} staff",
               "push {sector} prices higher", "delay price rises in {city}",
               "turn to {adj} suppliers", "look to {city} for growth",
               "race to hire {sector} engineers", "weigh {sector} mergers",
               "report a {trend} {month}", "court {adj} buyers", "chase {adj} {noun} deals"]
TRENDS = ["softer", "firmer", "uneven", "patchy", "resilient", "sluggish", "brisk", "steady",
          "weaker", "stronger", "slowing", "rising", "falling", "mixed", "surprising"]
DRIVERS = ["demand", "orders", "consumer spending", "hiring", "pricing", "margins", "bookings",
           "traffic", "freight volumes", "ad sales", "cloud spending", "travel demand",
           "energy prices", "input costs", "wage costs", "supply", "inventories", "loan growth",
           "chip supply", "lithium prices", "steel prices", "rent growth", "subscriber growth",
           "tourist numbers", "factory output", "home sales", "used car prices"]
SHIFTS = ["improve", "cool", "recover", "stall", "firm up", "ease", "pick up", "slow", "rebound",
          "soften", "level off", "hold up"]
EVENTS = ["a board meeting", "an analyst day", "a court ruling", "a strike vote",
          "a ratings review", "a supplier audit", "a product event", "a management reshuffle",
          "a factory tour", "a client survey", "a shareholder vote", "a site visit",
          "a software glitch", "a ratings upgrade", "a ratings downgrade", "a pricing review",
          "a patent win", "a hiring freeze", "a strong month", "a weak month", "a trade show",
          "a holiday weekend", "a data breach", "a safety review", "a power outage",
          "a budget speech", "a jobs report", "a plant inspection", "a labor dispute",
          "a union ballot", "a customer lawsuit", "a strategy call", "a leadership change",
          "a listing review", "an audit finding", "a network outage", "a price war"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PEERS = ["peers", "rivals", "stocks", "names"]
PEER_MOVES = ["rally", "retreat", "steady", "drift", "rebound", "lag", "climb", "wobble"]
ORDINALS = ["second", "third", "fourth", "fifth"]
UNITS = ["session", "week", "month", "day"]
CONTEXTS = ["amid {trend} {driver}", "despite {trend} {driver}",
            "with {driver} set to {shift}", "on signs {driver} will {shift}", "after {event}",
            "ahead of {event}", "in {city}", "in {when} trade", "on {weekday}", "in {month}",
            "for a {ordinal} {unit}", "as {sector} {peers} {peer_move}",
            "on {trend} {driver}", "before {event}"]
FILLERS = ["again", "today", "briefly", "modestly", "overnight", "anew"]

# ---------------------------------------------------------------- summaries
ENTITY_SENTENCES = [
    "{E} said the change would take effect over the coming months.",
    "A spokesperson for {E} said the company expects demand to stay firm this year.",
    "{E} did not comment beyond a brief statement posted on its website.",
    "Shares of {E} moved {pct} in {when} trading, on volume close to the monthly average.",
    "The decision leaves {E} with more room to fund its product plans next year.",
    "People familiar with the matter said {E} had discussed the plan for several weeks.",
    "{E} has spent the past year reshaping its management team and its product range.",
    "Managers at {E} told staff in an email that no jobs would move abroad.",
    "{E} plans to give more details when it meets analysts in {month}.",
    "Analysts at {bank} kept their rating on {E} unchanged after the announcement.",
    "The move is the second of its kind by {E} this year.",
    "{E} said it would keep its {city} site open while it reviews the options.",
]
# the same for people, countries and organisations
OTHER_SENTENCES = [
    "{E} has made similar remarks in recent weeks.",
    "Officials close to {E} said more details would follow in {month}.",
    "Critics of {E} said the plan did not go far enough.",
    "The comments from {E} came after a busy week of meetings in {city}.",
    "A statement from {E} gave no timetable for the next steps.",
    "Observers said {E} had been preparing the move since {month}.",
]
PAIR_SENTENCES = [
    "{E2} declined to comment on the talks.",
    "{E2} did not reply to a request for comment.",
    "A person close to {E2} said the talks had been friendly.",
    "{E2} said it was aware of the reports.",
]
GENERIC_SENTENCES = [
    "Analysts at {bank} said the move was broadly expected by the market.",
    "The broader market was little changed, with {sector} shares leading the gains.",
    "Traders pointed to a firmer dollar as the main driver of the session.",
    "The company plans to share more details at its annual meeting in {month}.",
    "Bond yields were steady and the dollar edged lower against major currencies.",
    "Several fund managers said they would wait for clearer signals before adding exposure.",
    "The numbers were in line with a survey of economists published last week.",
    "Volume was light ahead of a busy week of economic data.",
    "Regulators have not commented on the plan, which still needs board approval.",
    "Industry groups welcomed the step but asked for a longer consultation period.",
    "The group employs about {pct} of its staff outside its home market.",
    "A note from {bank} said the outlook for the {sector} group had improved.",
    "Executives said hiring would continue at a slower pace through {month}.",
    "Shipping costs have eased since the spring, according to industry figures.",
    "The plan still needs the approval of shareholders at a meeting in {month}.",
    "Rivals in {city} have made similar changes in recent months.",
    "Consumer surveys point to steady spending on travel and dining.",
    "The {sector} index has gained {pct} since the start of the year.",
    "Some analysts warned that the gains could fade if demand cools later in the year.",
    "Officials in {city} said the project would create several hundred jobs.",
    "The shares have lagged the wider market over the past six months.",
    "Company filings show the program has been in development for two years.",
    "Competition from cheaper rivals has squeezed margins across the industry.",
    "The story was updated with comments from the company.",
    "Trading desks in {city} reported steady client flows through the day.",
    "Fuel and labor costs remain the biggest worries for smaller operators.",
    "Demand for {sector} products has been uneven across regions this year.",
    "Most of the proceeds will go toward paying down older debt.",
    "A similar plan was shelved two years ago amid weak demand.",
    "Engineers have been testing the system at a site near {city} since {month}.",
    "Customers have asked for simpler solutions and better support, the company said.",
    "The group said its new software architecture would lower costs for clients.",
    "Older records will move to a new archive system next year.",
    "Demand is close to its peak for the season, according to dealers in {city}.",
]

# ---------------------------------------------------------------- near-duplicate word swaps
SWAPS = {"unveils": "reveals", "names": "appoints", "new": "fresh", "wins": "secures",
         "expands": "widens", "faces": "confronts", "trims": "cuts", "hires": "recruits",
         "large": "big", "signs": "inks", "delays": "postpones", "talks": "discussions",
         "after": "following", "amid": "during", "despite": "notwithstanding", "ends": "halts",
         "sells": "offloads", "reviews": "examines", "lifts": "raises", "closes": "shuts",
         "pauses": "suspends", "tests": "trials", "overhauls": "revamps", "shelves": "drops",
         "softer": "weaker", "firmer": "stronger", "rising": "climbing", "falling": "sliding",
         "demand": "appetite", "orders": "bookings", "costs": "expenses", "higher": "up",
         "lower": "down", "steady": "firm", "cheaper": "lower-cost", "record": "peak",
         "rally": "advance", "sees": "notices", "approves": "clears", "warns": "cautions",
         "plans": "prepares", "backs": "supports", "opens": "launches", "rises": "climbs",
         "gains": "adds", "slips": "eases", "dips": "slides", "jumps": "leaps", "sinks": "drops",
         "recovers": "regains", "rise": "climb", "slip": "ease", "gain": "add", "dip": "slide",
         "jump": "leap", "sink": "drop", "edge": "inch", "drift": "slide", "hold": "stay",
         "extends": "prolongs", "upgrades": "improves", "reports": "posts"}
SWAP_FALLBACK = {"a": "one", "its": "the", "the": "its", "in": "across", "as": "while",
                 "on": "upon", "for": "toward", "to": "toward", "with": "alongside"}

# ---------------------------------------------------------------- event keywords
# Background articles that carry an event-type keyword: a title tail or a summary sentence.
KEYWORD_TAILS = {
    "market_selloff": ["in a broad sell-off", "as the sector tumbles", "as peers slump"],
    "trade_tariff": ["as new tariffs loom", "amid trade war worries", "after tariff threats"],
    "export_controls": ["as export controls tighten", "amid new chip curbs"],
    "crypto_policy": ["as stablecoin rules take shape", "amid digital asset scrutiny"],
    "monetary_policy": ["ahead of the rate decision", "as interest rates stay high"],
    "earnings": ["after earnings beat estimates", "ahead of quarterly results",
                 "after raising guidance"],
    "investment_deal": ["after a $2 billion acquisition", "in a joint venture deal",
                        "as it agrees to acquire a rival"],
    "ai_model_release": ["after launching new AI models", "as its chatbot gains users",
                         "with a new AI assistant"],
}
KEYWORD_SENTENCES = {
    "market_selloff": ["The shares fell as a sell-off spread across the group.",
                       "Peers tumbled in sympathy as traders cut risk."],
    "trade_tariff": ["Traders cited tariffs on imported parts as a growing concern.",
                     "Executives warned that retaliation by trading partners could hurt sales."],
    "export_controls": ["The company said export controls had not yet affected shipments."],
    "crypto_policy": ["Lawmakers are drafting rules for stablecoins and other tokens."],
    "monetary_policy": ["Markets are watching the next interest rate move closely."],
    "earnings": ["The company reports earnings later this month.",
                 "Management kept its full-year guidance unchanged."],
    "investment_deal": ["The firm also announced a $1.2 billion acquisition of a smaller rival.",
                        "The plan includes a joint venture with a local partner."],
    "ai_model_release": ["The update adds AI models trained on customer support logs.",
                         "Its chatbot now handles a third of customer queries."],
}

# Planted events: titles that name the entity ({E}) and carry the type's keyword, and one
# summary sentence of the same kind. Each list is used for 6-12 articles of one event.
PLANTED_TITLES = {
    "market_selloff": [
        "{E} shares plunge as a surprise warning on demand rattles traders",
        "{E} tumbles after a key customer walks away from a large order",
        "Sell-off hits {E} as regulators open a probe into its accounts",
        "{E} stock plummets after a failed product trial",
        "{E} slumps to a two-year low on a short seller report",
        "Traders dump {E} as shares plunge at the open",
        "{E} suffers its biggest one-day drop on fraud claims",
        "{E} shares tumble as its chief executive quits abruptly",
    ],
    "earnings": [
        "{E} earnings surprise sends the shares on a wild ride",
        "{E} quarterly results come in far from forecasts",
        "{E} resets its guidance after an unusual quarter",
        "{E} earnings call leaves analysts rewriting their models",
        "{E} posts quarterly revenue well away from estimates",
        "Shares of {E} swing hard on its latest earnings report",
        "{E} overhauls its full-year guidance as demand shifts",
        "{E} reports earnings that catch the market off guard",
    ],
    "investment_deal": [
        "{E} agrees to a $4.2 billion acquisition of a European rival",
        "{E} to acquire a software maker in an all-cash deal",
        "{E} forms a joint venture with a Japanese conglomerate",
        "{E} announces a $3 billion investment in new plants",
        "{E} confirms acquisition talks with a larger peer",
        "Deal news: {E} acquires a logistics startup for $1.5 billion",
        "{E} lands a $2 billion investment from a sovereign fund",
        "{E} seals its acquisition of a smaller competitor",
    ],
    "trade_tariff": [
        "{E} warns new tariffs will squeeze its margins",
        "Tariffs on imported components hit {E} hard",
        "{E} shares move as trade war fears return",
        "{E} faces import duties on its main product line",
        "{E} says tariffs will force it to raise prices",
        "{E} caught in the crossfire of a trade war",
        "{E} braces for retaliation against its overseas sales",
        "New tariffs leave {E} scrambling to find suppliers",
    ],
}
PLANTED_SENTENCES = {
    "market_selloff": ["{E} shares fell sharply in heavy trading as the sell-off deepened.",
                       "The slump wiped a large share off the market value of {E}."],
    "earnings": ["{E} said its earnings reflected an unusual quarter.",
                 "{E} also updated its guidance for the rest of the year."],
    "investment_deal": ["{E} said the acquisition would close within six months.",
                        "The investment is the largest in the history of {E}."],
    "trade_tariff": ["{E} said the tariffs would add to costs from next quarter.",
                     "Executives at {E} said retaliation could hit overseas sales."],
}

# ---------------------------------------------------------------- names
# Syllables of synthetic surnames and place-like names ("Halvorsen", "Brenmark", "Torvane").
ONSETS = ["Hal", "Bren", "Cor", "Dal", "Ed", "Fen", "Gar", "Hen", "Iv", "Jor", "Kel", "Lan",
          "Mar", "Nor", "Os", "Per", "Quin", "Ros", "Sel", "Tor", "Ul", "Val", "Wes", "Yar",
          "Zan", "Ast", "Bel", "Cal", "Dor", "Elm", "Far", "Gil", "Har", "Kin", "Lor", "Mel",
          "Nev", "Ost", "Pal", "Ren", "Sor", "Tal", "Ver", "Wil", "Ber", "Kas", "Lin", "Mor"]
MIDDLES = ["", "", "", "vor", "der", "ing", "an", "el", "is", "o", "a", "en", "ber", "mon",
           "ter", "wen", "ra", "li", "ve"]
ENDINGS = ["sen", "son", "berg", "dal", "holm", "ton", "ley", "ford", "wick", "mark", "vik",
           "ora", "ell", "ara", "ino", "ex", "is", "ard", "ent", "ix", "ova", "ur", "etti",
           "ander", "ista", "ium", "ane", "ola", "ene", "yn", "quist", "stad", "more", "way",
           "ridge", "lund", "gaard", "heim", "vane", "field"]
INDUSTRIES = ["Robotics", "Semiconductor", "Therapeutics", "Logistics", "Energy", "Networks",
              "Systems", "Materials", "Aerospace", "Foods", "Analytics", "Payments", "Motors",
              "Biosciences", "Software", "Holdings", "Instruments", "Devices", "Mining",
              "Shipping", "Pharma", "Cloud", "Labs", "Grid", "Telecom", "Retail", "Water",
              "Optics", "Industries", "Dynamics", "Technologies", "Brands", "Airlines",
              "Steel", "Chemicals", "Health", "Media", "Security", "Power", "Genomics"]
TOKEN_SUFFIXES = ["", "", "", " Network", " Protocol", " Chain", " Coin"]
FIRST_NAMES = ["Ingrid", "Marcus", "Priya", "Tomas", "Helena", "Rafael", "Yuki", "Amara",
               "Oskar", "Leila", "Daniel", "Sofia", "Kwame", "Mei", "Anders", "Lucia", "Tariq",
               "Nadia", "Felix", "Grace", "Jonas", "Elena", "Victor", "Hana", "Mateo", "Clara"]
AUTHOR_SURNAMES = ["Adler", "Brennan", "Costa", "Dubois", "Eriksen", "Fontaine", "Gallo",
                   "Hughes", "Ibarra", "Jensen", "Kowalski", "Laine", "Moreau", "Novak",
                   "Okafor", "Pereira", "Quinn", "Rossi", "Sato", "Tanaka", "Ulrich", "Varga",
                   "Walsh", "Young", "Zeller", "Bauer", "Chen", "Dalton", "Evans", "Fischer"]
COUNTRIES = ["Brazil", "Canada", "India", "Germany", "Japan", "Mexico", "Vietnam", "Indonesia",
             "South Korea", "Australia"]
ORGANISATIONS = [
    # (name, aliases beyond the name): acronyms in capitals; one alias with punctuation
    ("V&P 500", ["Vantor and Price 500"]),
    ("Northern Securities Commission", ["NSC"]),
    ("Global Payments Council", ["GPC"]),
    ("Pacific Clearing House", []),
    ("Continental Banking Authority", ["CBA"]),
    ("Open Ledger Foundation", []),
    ("European Data Board", ["EDB"]),
    ("World Shipping Forum", []),
    ("Meridian Chip Alliance", []),
    ("Atlantic Consumer Agency", ["ACA"]),
]
OUTLET_WORDS = ["Halden", "Brookfield", "Carrow", "Dunmore", "Eastgate", "Fairhaven", "Glenmark",
                "Harrowby", "Ironbridge", "Kingsmere", "Larkspur", "Marlow", "Northcliff",
                "Oakhurst", "Penrith", "Queensbury", "Redvale", "Silverton", "Thornbury",
                "Underhill", "Westbrook", "Yarrow", "Ashcombe", "Bellamy", "Coldharbour",
                "Dovecote", "Elmstead", "Foxley", "Greywell", "Hollins"]
OUTLET_KINDS = ["Post", "Wire", "Ledger", "Times", "Daily", "Journal", "Insider", "Review",
                "Observer", "Courier", "Herald", "Tribune", "Gazette", "Digest", "Monitor",
                "Chronicle", "Dispatch", "Bulletin", "Report", "Telegraph"]
TOPICS = {
    "markets": ["Markets", "Stocks", "Economy", "Bonds"],
    "technology": ["Technology", "Chips", "Software", "Gadgets"],
    "business": ["Business", "Companies", "Deals", "Industry"],
    "crypto": ["Crypto", "Tokens", "Blockchain", "Exchanges"],
    "economy": ["Economy", "Policy", "Trade", "Jobs"],
}
