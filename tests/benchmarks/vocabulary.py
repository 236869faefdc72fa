"""Words and templates of the synthetic news (finance and tech English), written for the benchmark
generator. Nothing here is a real headline.

Rules the lists keep (the generator checks them on every article it writes):
- no event-type keyword of seeds/event_types.csv outside KEYWORD_* (those patterns match
  anywhere, case-insensitively, some of them without word boundaries: no "interest rate",
  "guidance", "data center", "merger", "stake in", "Fed", "revenue", "profit", "stocks drop 3%",
  and no word ending in "ai" before a word starting with "app");
- plain ASCII text that HTML unescaping leaves alone (no "<", ">", and "&" only inside "V&P");
- no word that equals a synthetic entity's name (the generator refuses such names).

Placeholders are filled by the generator (see _SLOT_VALUES there); {E} and {E2} are entities.
Lexicon placeholders draw from the large synthetic lexicon (lexicon.py) with a Zipf-Mandelbrot
law: {city} (a city of CITIES or a synthetic town), {firm} (a company no entity stands for),
{person} (given name and surname), {surname}, {brand}, {product} (brand and model code), {tech}
(a compound technical noun), {bank} (BANKS or a synthetic broker), {amount} ("$437 million"),
{count}, {price}, {day} ("March 14") and {year}.
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
              "wireless", "modular", "heavy-duty", "lightweight", "domestic", "quieter",
              "solar-powered", "automated", "cashless", "driverless", "hybrid", "recyclable",
              "rugged", "portable", "foldable", "connected", "low-carbon", "zero-emission",
              "plant-based", "organic", "cordless", "handheld", "outdoor", "medical-grade",
              "commercial", "residential", "agricultural", "offshore", "coastal", "luxury",
              "bespoke", "water-cooled", "high-speed", "long-range", "short-haul", "long-haul",
              "frozen", "chilled", "prepaid", "reusable", "secondhand", "experimental",
              "battery-powered", "voice-controlled", "lower-margin", "mid-range", "kid-friendly",
              "hospital", "airport", "stadium", "campus", "marine", "alpine", "desert"]
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
         "mapping software", "ferry service", "pet food brand", "scooter fleet", "test lab",
         "{tech} line", "{tech} plant", "{tech} unit", "{tech} business", "{tech} range",
         "{brand} range", "{brand} platform", "{brand} lineup", "{tech} works",
         "{tech} arm", "{city} plant", "{city} depot", "{city} warehouse",
         "{city} office", "{brand} brand", "{tech} patents", "{tech} supply chain",
         "freezer range", "bakery unit", "espresso machines", "garden tools", "boiler range",
         "cold storage arm", "shipyard", "bottling plant", "textile mill", "steel mill",
         "paper mill", "sawmill", "vineyard", "dairy unit", "hotel portfolio", "casino unit",
         "clinic network", "pharmacy chain", "dental unit", "lab network", "crane fleet",
         "truck fleet", "barge fleet", "jet order", "locomotive order", "ship order"]
# heads that draw from the lexicon: company entities ({E}), and companies no entity stands for
COMPANY_LEX = ["{E} hires {person} from {firm}", "{E} names {person} {role}",
               "{E} loses {surname} to {firm}", "{E} wins {amount} {firm} contract",
               "{E} sells {city} unit to {firm}", "{E} buys {tech} maker {firm}",
               "{E} opens {tech} plant in {city}", "{E} adds {count} jobs in {city}",
               "{E} cuts {count} jobs at {city} plant", "{E} launches {product} in {city}",
               "{E} delays {product} to {month}", "{E} recalls {count} {product} units",
               "{E} picks {firm} for {tech} parts", "{E} signs {firm} supply pact",
               "{E} settles {product} case with {firm}",
               "{E} moves {tech} output from {city} to {city}",
               "{E} shows off {product} in {city}", "{E} teams up with {firm} on {product}",
               "{E} pays {amount} for a {firm} holding", "{E} wins {city} nod for {tech} site",
               "{E} prices {product} at {price}", "{E} halts {product} shipments to {city}",
               "{E} sues {firm} over {tech} patents", "{E} ends {firm} supply pact",
               "{E} taps {bank} for {amount} loan", "{E} books {count} orders for {product}",
               "{E} builds {tech} plant in {city}", "{E} shuts {city} {tech} line",
               "{E} moves {city} staff to {city}", "{E} cuts {product} price to {price}",
               "{E} lands {firm} as {tech} client", "{firm} sues {E} over {product} design",
               "{firm} wins {E} order for {count} {tech} units", "{person} quits {E} for {firm}",
               "{firm} supplies {tech} parts to {E}", "{E} and {firm} team up on {product}",
               "{E} taps {person} to run {city} unit", "{E} weighs {city}, {city} for new plant",
               "{E} lures {surname} from {firm}", "{E} unveils {product} and {product}",
               "{E} drops {firm} as {tech} supplier", "{E} wins {city}-{city} rail order",
               "{E} buys {city}-based {firm}", "{E} backs {surname}-led {firm}",
               "{E} ships {product} to {firm}", "{E} opens {city} hub with {firm}"]
FIRM_HEADS = ["{firm} opens {tech} plant in {city}", "{firm} names {person} {role}",
              "{firm} wins {amount} contract in {city}", "{firm} cuts {count} jobs in {city}",
              "{firm} files for {city} listing", "{firm} draws {amount} from {firm}",
              "{firm} buys {firm} for {amount}", "{firm} and {firm} agree to merge",
              "{firm} founder {person} steps down", "{city} approves {firm} {tech} plant",
              "{city} mayor {person} backs {firm} plan", "{firm} prices {product} at {price}",
              "{firm} recalls {count} {product} units", "{firm} picks {city} for {tech} hub",
              "{person} leaves {firm} for {firm}", "{person} to run {firm} {tech} unit",
              "{firm} shares {move}", "{firm} unveils {product}",
              "{firm} sues {firm} over {tech} patents",
              "{firm} wins {city} order for {count} {tech} units",
              "{firm} delays {city} {tech} plant to {year}",
              "{firm} plans {count} stores in {city}", "{firm} to close {city} {tech} site",
              "{bank} starts {firm} at buy", "{bank} lifts {firm} target to {price}",
              "{firm} {company_verb} its {adj} {noun}", "{firm} {company_verb} {product}",
              "{firm} hires {person} from {firm}", "{firm} lists in {city} at {price} a share",
              "{firm} ships first {product} units", "{firm} signs {firm} as {tech} client",
              "{city}-based {firm} hires {surname}", "{firm}-{firm} tie-up wins {city} nod",
              "{surname}-led {firm} buys {firm}", "{firm} moves {tech} work to {city}",
              "{firm} sells {product} line to {firm}", "{person} joins {firm} board",
              "{firm} wins {city}-{city} rail order", "{firm} and {firm} launch {product}"]
COMPANY_VERBS = ["unveils", "delays", "expands", "reviews", "overhauls", "pauses", "trims",
                 "relaunches", "tests", "spins off", "scales back", "speeds up", "renames",
                 "sells", "closes", "upgrades", "shows off", "reprices", "restructures",
                 "doubles", "rebrands", "shelves", "revives", "rethinks", "streamlines",
                 "refreshes", "extends", "narrows", "licenses", "automates", "outsources",
                 "relocates", "merges", "splits", "downsizes", "modernizes", "revamps",
                 "mothballs", "reopens", "retools", "consolidates", "pilots", "scraps",
                 "ditches", "unbundles", "bundles", "localizes", "digitizes", "electrifies",
                 "insources", "reshores", "subcontracts", "franchises", "refurbishes",
                 "repurposes", "retrofits", "winds down", "ramps up", "phases out",
                 "hives off", "carves out", "resizes", "sunsets", "revisits", "trials"]
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
              "Brokers upgrade", "Brokers downgrade", "Hedge funds trim stakes in",
              "{bank} upgrades", "{bank} downgrades", "{bank} starts coverage of",
              "{bank} analyst {person} turns bullish on", "{bank} turns cautious on",
              "{firm} builds a position in", "{person} of {bank} sours on",
              "{firm} walks away from", "{city} pension fund sells"]
TOKEN_VERBS = ["network upgrade goes live in {month}", "developers ship a {adj} upgrade",
               "fees fall to a {period} low", "draws {trend} wallet signups",
               "validators approve {adj} fee rules", "lists on a new exchange in {city}",
               "foundation names a new {role}", "sees record {sector} transactions",
               "wallet adds {sector} payments", "developers fix a {adj} bug",
               "lists on {firm} in {city}", "foundation hires {person} as {role}",
               "draws {count} new validators", "developers in {city} ship {brand} upgrade",
               "wallet maker {firm} adds support", "climbs to {price} in {when} trade",
               "miners in {city} add {count} machines", "backers pledge {amount} in {month}",
               "lists on {firm}, {firm}", "wins {firm} backing in {city}",
               "foundation taps {surname} of {firm}", "hits {price} as {surname} buys",
               "{brand} wallet adds support in {city}", "developers meet in {city}, {city}",
               "gets {city}-based {firm} listing", "loses {surname} to {firm}"]
PERSON_VPS = ["talks up {sector} demand", "warns of slower {sector} hiring",
              "meets {sector} executives in {city}", "sells a block of shares in {month}",
              "joins the board of a {sector} startup", "steps down as {role}",
              "outlines a leaner {sector} strategy", "takes the stage in {city}",
              "buys shares worth {pct} of salary", "hands {sector} duties to a deputy",
              "backs a {adj} {noun}", "defends the {adj} {noun}",
              "joins {firm} as {role}", "sells {amount} of stock", "meets {person} in {city}",
              "backs {firm} in {city}", "leaves for {firm}", "hires {person} as deputy",
              "takes a holding in {firm}", "tours the {firm} plant in {city}",
              "praises {firm} {tech} work", "sits down with {person} of {bank}",
              "joins {city}-based {firm}", "backs {surname}-led {firm}",
              "hires {surname} from {firm}", "tours {firm} site in {city}",
              "meets {surname} of {firm} in {city}", "sells {firm} stake to {firm}"]
COUNTRY_VPS = ["reports stronger {sector} output", "approves new {sector} rules",
               "posts a wider trade surplus in {month}", "sees {trend} consumer spending",
               "names a new minister for {sector}", "plans a bond sale in {month}",
               "lifts its {sector} growth forecast", "cuts its {sector} growth forecast",
               "opens a tender for a {city} rail line", "reports more tourist arrivals in {month}",
               "passes a budget in {month}", "sees home prices cool in {month}",
               "backs local {sector} makers", "courts {sector} makers from {city}",
               "approves a {firm} {tech} plant in {city}", "picks {firm} for a {city} rail line",
               "fines {firm} {amount}", "opens a {tech} hub in {city}",
               "names {person} to run {sector} strategy", "signs a {amount} loan with {bank}",
               "offers {firm} {amount} to build in {city}", "sees {count} new {sector} firms",
               "backs {firm} plant in {city}", "picks {firm}, {firm} for {city} port",
               "opens {city}-{city} rail link", "names {surname} to run {firm}",
               "fines {firm} over {city} spill", "courts {firm} with {city} site"]
ORG_VPS = ["opens a review of {sector} fees", "names a new {role}",
           "publishes its {sector} market report", "warns about {trend} household debt",
           "proposes simpler {sector} disclosures", "fines a {sector} broker",
           "delays a vote on {sector} listings", "seeks comments on a {sector} code",
           "updates its {sector} outlook", "holds a hearing in {city}",
           "approves a tie-up of two {sector} groups", "sets up a {sector} panel",
           "fines {firm} {amount}", "names {person} {role}", "clears the {firm} deal",
           "opens a probe into {firm}", "warns {firm} over {tech} claims",
           "holds a {city} hearing on {firm}", "asks {firm} for {product} records",
           "fines {firm}, {firm}", "probes {firm} over {product}", "names {surname} to {city} post",
           "clears {firm}-{firm} tie-up", "warns {city}-based {firm}"]
PRODUCT_VPS = ["goes on sale in {city}", "draws long lines in {city}",
               "gets a {adj} software update", "faces supply delays in {city}",
               "wins a design award in {city}", "sells out in {city}", "gets {trend} reviews",
               "arrives in {city} stores", "gets a {adj} version", "goes on sale at {price}",
               "sells {count} units in {city}", "gets a {brand} rival",
               "faces a {firm} lawsuit", "tops {count} orders by {day}",
               "beats {product} in {city} tests", "gets {firm} {tech} upgrade",
               "lands in {city}, {city}", "faces {product} rival from {firm}"]
PAIR_COMPANY = ["expands its partnership with", "signs a supply pact with", "ends talks with",
                "teams up with", "wins a contract from", "settles a dispute with",
                "overtakes", "hires an engineer from", "challenges", "draws level with",
                "sues", "loses a customer to", "renews a license with",
                "poaches an executive from", "files a complaint against", "outbids"]
PAIR_LEX = ["{E} wins {city} contract from {E2}", "{E} buys {E2} {city} unit",
            "{E} and {E2} pair up on {product}", "{E} beats {E2} to {firm} order",
            "{E} hires {surname} from {E2}", "{E} sues {E2} over {product}",
            "{E} and {E2} bid for {city}-based {firm}", "{E} outbids {E2} for {firm}",
            "{E} sells {city} plant to {E2}", "{E} and {E2} split {firm} order",
            "{E} takes {E2} {tech} unit", "{E} licenses {product} to {E2}",
            "{E} and {E2} open {city} {tech} site", "{E} lures {surname} of {E2}",
            "{E} drops {E2} for {firm}", "{E} joins {E2} in {city}-{city} project"]
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
               "report a {trend} {month}", "court {adj} buyers", "chase {adj} {noun} deals",
               "flock to {city}", "line up behind {firm}", "pay {price} more for {tech} parts",
               "snap up {tech} makers", "cut {count} jobs in {city}"]
TRENDS = ["softer", "firmer", "uneven", "patchy", "resilient", "sluggish", "brisk", "steady",
          "weaker", "stronger", "slowing", "rising", "falling", "mixed", "surprising"]
DRIVERS = ["demand", "orders", "consumer spending", "hiring", "pricing", "margins", "bookings",
           "traffic", "freight volumes", "ad sales", "cloud spending", "travel demand",
           "energy prices", "input costs", "wage costs", "supply", "inventories", "loan growth",
           "chip supply", "lithium prices", "steel prices", "rent growth", "subscriber numbers",
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
# contexts that name things of the lexicon (drawn more often) and contexts of dates and numbers
NAME_CONTEXTS = ["in {city}", "near {city}", "at {city} site", "after talks with {firm}",
                 "with {firm}", "says {person}", "says {bank}", "after {city} ruling",
                 "before {product} launch", "after {firm} deal", "backed by {firm}",
                 "as {firm} weighs bid", "led by {person}", "despite {firm} pushback",
                 "after {surname} exit", "as {surname} takes over", "after {firm} report",
                 "against {firm}", "alongside {firm}, {firm}", "under {person}",
                 "before {surname} visit", "at {firm} plant", "via {firm}", "to {city}, {city}",
                 "for {product}", "with {product}", "at {firm} {city} plant",
                 "near {city}, {city}", "as {surname} joins {firm}", "as {firm}, {firm} regroup",
                 "in {city} after {surname} visit", "after {firm}-{firm} talks",
                 "to rival {product}", "beside {product}", "from {firm} of {city}",
                 "per {person}", "with {surname} of {firm}", "as {firm} eyes {city}",
                 "in {city}, {city}", "as {surname} quits", "with {surname} at helm",
                 "after {surname} ruling", "for {firm} in {city}", "amid {city} protests",
                 "over {product} flaws", "after {city} {tech} fire", "with {firm} {tech} deal",
                 "as {firm} backs {surname}", "on {surname} remarks", "in {city} {tech} push",
                 "with {city}-based {firm}", "on {city}-{city} line",
                 "as {surname}-led {firm} wavers",
                 "after {firm}-{firm} tie-up", "for {city}-{city} link", "in {firm}-{firm} pact",
                 "near {city}-{city} border", "after {product}, {product} debut"]
NUMBER_CONTEXTS = ["for {amount}", "worth {amount}", "on {day}", "by {day}", "from {day}",
                   "in fiscal {year}", "by {year}", "with {count} jobs on the line",
                   "amid a {tech} shortage", "on {tech} demand", "at {price} a unit",
                   "for {count} customers", "across {count} stores", "in a {amount} pact",
                   "over {tech} supply", "through {year}"]
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
    "{E} hired {person} from {firm} in {year}.",
    "{E} said the {city} site would hire {count} people by {day}.",
    "{E} priced the {product} at {price} in {city}.",
    "{E} buys {tech} parts from {firm} and {firm}, according to filings.",
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
    "{person}, an analyst at {bank}, said the move was broadly expected.",
    "The plant in {city} employs about {count} people.",
    "{firm} and {firm} are among the suppliers named in the filing.",
    "The deal values the unit at about {amount}, people familiar with it said.",
    "Sales of the {product} started in {city} on {day}.",
    "{person} will take over the role from {day}.",
    "A spokesperson for {firm} declined to comment.",
    "Local officials in {city} approved the {tech} site in {year}.",
    "The {product} will cost {price} in most markets.",
    "{firm} has supplied {tech} parts to the group since {year}.",
    "The company employs {count} people in {city} and {city}.",
    "Orders for the {product} topped {count} in the first week.",
    "{person} of {bank} said the shares looked cheap after the fall.",
    "Workers at the {city} site voted on the offer on {day}.",
    "The {tech} market is worth about {amount} a year, according to {firm}.",
    "{person}, who joined from {firm} in {year}, will report to the board.",
    "The {city} council will vote on the plan on {day}.",
    "{firm}, a rival based in {city}, made a similar move last year.",
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
