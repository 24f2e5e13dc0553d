// Named things per vertical, as data: each list both votes for its vertical and is read
// back as a fact (canonical spelling first). International on purpose: a helpdesk in
// Lagos, Lima or Lyon must be understood as well as one in London.

/** Canonical name → extra spellings. */
export type NameList = Record<string, string[]>;

/** Every spelling of a list's names: each canonical name, then its other spellings. */
export function namesOf(list: NameList): string[] {
  return Object.entries(list).flatMap(([canonical, spellings]) => [canonical, ...spellings]);
}

export const SAAS_INTEGRATIONS: NameList = {
  Slack: [], "Microsoft Teams": ["ms teams"], Jira: [], Confluence: [], HubSpot: ["hub spot"], Salesforce: ["sfdc"],
  Zapier: [], Stripe: [], Shopify: [], GitHub: [], GitLab: [], Bitbucket: [], "Google Drive": [], "Google Calendar": [],
  "Google Workspace": ["g suite", "gsuite"], "Google Sheets": [], Gmail: [], Outlook: [], "Microsoft 365": ["office 365", "o365"],
  Zoom: [], Intercom: [], Zendesk: [], Freshdesk: [], Trello: [], Asana: [], Notion: [], "monday.com": [], ClickUp: [],
  Linear: [], Airtable: [], QuickBooks: ["quick books"], Xero: [], Sage: [], Tally: [], Mailchimp: [], Twilio: [],
  Segment: [], Pipedrive: [], Zoho: ["zoho crm"], Okta: [], "Azure AD": ["entra id", "azure active directory"], Auth0: [],
  Dropbox: [], Box: [], OneDrive: [], SharePoint: [], Figma: [], Miro: [], Calendly: [], DocuSign: [], Make: [],
  n8n: [], Razorpay: [], Paddle: [], Chargebee: [], Datadog: [], Sentry: [], PagerDuty: [], Snowflake: [],
  BigQuery: [], Postgres: ["postgresql"], MySQL: [], WordPress: [], WooCommerce: [], Magento: [], Marketo: [],
  Klaviyo: [], SendGrid: [], Mailgun: [], "WhatsApp Business": ["whatsapp api"], Webflow: [], Wix: [], Squarespace: [],
  webhook: ["webhooks", "web hook", "web hooks"], API: ["rest api", "public api", "graphql api"], SSO: ["saml", "single sign-on", "single sign on"],
  SCIM: [], LDAP: [],
};

/** Integrations too common as plain words to vote on their own (they still count as facts). */
export const WEAK_INTEGRATIONS = new Set(["Make", "Linear", "Box", "Segment", "Sage", "Tally", "Zoom", "API"]);

export const SAAS_PLANS = [
  "Free", "Starter", "Basic", "Pro", "Professional", "Plus", "Premium", "Growth", "Business", "Team", "Teams",
  "Enterprise", "Scale", "Standard", "Advanced", "Ultimate", "Essentials", "Launch", "Startup", "Unlimited", "Elite", "Max",
];

export const SAAS_BRANDS = [
  "saas", "atlassian", "canva", "adobe creative cloud", "loom", "postman", "vercel", "heroku", "netlify", "supabase", "firebase",
  "mongodb atlas", "cloudflare", "digitalocean", "aws", "azure", "gcp", "google cloud", "dropbox business", "1password", "lastpass",
  "bitwarden", "grammarly", "semrush", "ahrefs", "hootsuite", "buffer", "typeform", "surveymonkey", "jotform", "freshworks",
  "servicenow", "workday", "bamboohr", "gusto", "deel", "rippling", "personio", "tableau", "power bi", "looker", "mixpanel", "amplitude",
];

export const ECOMMERCE_BRANDS = [
  "amazon", "flipkart", "zalando", "mercado libre", "mercadolibre", "mercado livre", "shopee", "lazada", "ebay", "etsy", "aliexpress",
  "temu", "shein", "walmart", "target", "myntra", "meesho", "ajio", "nykaa", "jumia", "takealot", "noon", "asos", "otto", "allegro",
  "bol.com", "cdiscount", "fnac", "rakuten", "tokopedia", "jd.com", "taobao", "tmall", "coupang", "ikea", "best buy", "argos", "currys",
  "john lewis", "americanas", "magalu", "magazine luiza", "falabella", "trendyol", "hepsiburada", "wayfair", "costco", "decathlon",
  "uniqlo", "h&m", "zara", "sephora", "bigbasket", "blinkit", "zepto", "swiggy instamart", "instacart", "kaspi", "ozon", "wildberries",
  "daraz", "konga", "souq", "namshi", "catch.com.au", "kmart", "the iconic", "myer", "tata cliq", "snapdeal", "croma", "reliance digital",
  "mediamarkt", "saturn", "elcorteingles", "el corte ingles", "la redoute", "vinted", "depop", "poshmark", "mercari", "wish", "newegg",
];

export const CARRIERS: NameList = {
  DHL: ["dhl express", "dhl ecommerce"], FedEx: ["fed ex"], UPS: [], USPS: [], "Royal Mail": [], DPD: [], GLS: [],
  Evri: ["hermes uk"], Hermes: [], PostNL: [], "La Poste": [], Colissimo: [], Chronopost: [], Correos: [], "Canada Post": [],
  "Australia Post": ["auspost"], "Blue Dart": ["bluedart"], Delhivery: [], Ekart: [], "India Post": ["speed post"], Aramex: [],
  "SF Express": [], "Japan Post": [], Yamato: [], "Poste Italiane": [], "Deutsche Post": [], InPost: [], Purolator: [],
  "Amazon Logistics": [], Shiprocket: [], Xpressbees: [], "Ecom Express": [], DTDC: [], "J&T Express": ["j&t"], "Ninja Van": ["ninjavan"],
  Correios: [], Jadlog: [], Estafeta: [], CTT: [], "An Post": [], Bpost: [], Sendle: [], Yodel: [], Parcelforce: [], OnTrac: [],
  "Mercado Envios": [], Loggi: [], Kerry: ["kerry express"], Poslaju: ["pos laju"], "Singapore Post": ["singpost"], "Sagawa": [],
  "PostNord": [], "Swiss Post": [], "Austrian Post": [], "Fastway": ["aramex au"], "Courier Guy": ["the courier guy"], Sendit: [],
  "Bolt Food": [], "Uber Eats": [], DoorDash: [], Deliveroo: [], Swiggy: [], Zomato: [], Glovo: [], Rappi: [], "iFood": [], Talabat: [],
};

export const PAYMENT_METHODS: NameList = {
  UPI: ["bhim upi", "upi id"], IMPS: [], NEFT: [], RTGS: [], SEPA: ["sepa transfer", "sepa instant"], ACH: [], PIX: [],
  wire: ["wire transfer", "swift transfer", "international transfer", "telegraphic transfer"], Zelle: [], Venmo: [], "Cash App": ["cashapp"],
  "M-Pesa": ["mpesa", "m pesa"], PayPal: [], "Apple Pay": [], "Google Pay": ["gpay", "g pay", "tez"], Paytm: [], PhonePe: [],
  Interac: ["e-transfer", "etransfer", "interac e-transfer"], Bizum: [], iDEAL: [], BLIK: [], Swish: [], Vipps: [], MobilePay: [],
  PayNow: [], PromptPay: [], GCash: [], Maya: ["paymaya"], Alipay: [], "WeChat Pay": [], "Mercado Pago": [], "Faster Payments": [],
  BACS: [], CHAPS: [], "direct debit": [], "standing order": [], "bank transfer": ["bank transfer", "online transfer", "fund transfer"],
  "debit card": [], "credit card": [], card: ["visa card", "mastercard", "rupay", "amex", "american express", "contactless"],
  "net banking": ["netbanking", "internet banking", "online banking"], cheque: ["check deposit", "cheque deposit"], ATM: [],
  Klarna: [], Afterpay: [], Affirm: [], "Airtel Money": [], "MTN MoMo": ["momo", "mobile money"], OPay: [], Wise: ["transferwise"],
};

export const FINTECH_BRANDS = [
  "revolut", "monzo", "starling", "n26", "chime", "nubank", "bunq", "klarna", "paytm", "phonepe", "cred", "razorpay",
  "mercado pago", "gcash", "maya", "kuda", "opay", "palmpay", "moniepoint", "flutterwave", "paystack", "chipper cash", "remitly",
  "western union", "moneygram", "xoom", "wells fargo", "chase", "bank of america", "citibank", "citi", "hsbc", "barclays", "lloyds",
  "natwest", "santander", "bbva", "ing", "deutsche bank", "bnp paribas", "societe generale", "unicredit", "intesa", "rabobank", "abn amro",
  "sbi", "hdfc", "icici", "axis bank", "kotak", "bank of baroda", "pnb", "canara", "equity bank", "kcb", "absa", "fnb", "capitec",
  "standard bank", "nedbank", "gtbank", "access bank", "zenith bank", "first bank", "itau", "bradesco", "banco do brasil", "caixa",
  "bancolombia", "banorte", "dbs", "ocbc", "uob", "maybank", "cimb", "bca", "mandiri", "commbank", "commonwealth bank", "westpac", "anz", "nab",
  "td bank", "rbc", "scotiabank", "bmo", "cibc", "coinbase", "binance", "kraken", "robinhood", "etoro", "zerodha", "groww", "upstox",
];

export const AIRLINES = [
  "Ryanair", "easyJet", "Emirates", "IndiGo", "Lufthansa", "British Airways", "Air India", "Air India Express", "Vistara", "SpiceJet",
  "Akasa Air", "Qatar Airways", "Etihad", "Turkish Airlines", "KLM", "Air France", "Delta", "United Airlines", "American Airlines",
  "Southwest", "JetBlue", "Alaska Airlines", "Air Canada", "WestJet", "Qantas", "Virgin Australia", "Jetstar", "Singapore Airlines",
  "Scoot", "Cathay Pacific", "ANA", "Japan Airlines", "Korean Air", "Asiana", "LATAM", "Avianca", "Aeromexico", "Copa Airlines", "GOL",
  "Azul", "Wizz Air", "Vueling", "Iberia", "TAP Air Portugal", "SAS", "Finnair", "Norwegian", "Ethiopian Airlines", "Kenya Airways",
  "EgyptAir", "Saudia", "flydubai", "Air Arabia", "AirAsia", "Cebu Pacific", "Philippine Airlines", "Garuda Indonesia", "Lion Air",
  "Malaysia Airlines", "Thai Airways", "Vietnam Airlines", "VietJet", "South African Airways", "FlySafair", "Aer Lingus", "Swiss",
  "Austrian Airlines", "Brussels Airlines", "Eurowings", "Condor", "Volaris", "Viva Aerobus", "Jet2", "Virgin Atlantic", "Frontier",
  "Spirit Airlines", "Air New Zealand", "China Southern", "China Eastern", "Air China", "Pegasus", "ITA Airways", "LOT", "Aegean",
  "Royal Air Maroc", "Air Astana", "Oman Air", "Gulf Air", "Biman", "PIA", "SriLankan Airlines", "Arik Air", "Air Peace", "Sky Airline",
  "JetSMART", "Aerolineas Argentinas", "EVA Air", "Hawaiian Airlines", "Allegiant", "Porter", "Flair", "Transavia", "Binter", "airBaltic",
];

export const TRAVEL_BRANDS = [
  "booking.com", "airbnb", "expedia", "makemytrip", "agoda", "trip.com", "skyscanner", "hotels.com", "goibibo", "cleartrip", "easemytrip",
  "ixigo", "kayak", "despegar", "decolar", "traveloka", "edreams", "opodo", "lastminute.com", "tui", "vrbo", "tripadvisor", "hostelworld",
  "trivago", "priceline", "orbitz", "kiwi.com", "omio", "trainline", "flixbus", "redbus", "irctc", "amtrak", "eurostar", "sncf",
  "trenitalia", "renfe", "deutsche bahn", "via rail", "greyhound", "hertz", "avis", "sixt", "europcar", "enterprise rent-a-car",
  "budget rent a car", "uber", "lyft", "ola cabs", "careem", "grab", "oyo", "hilton", "marriott", "hyatt", "ibis", "novotel", "accor",
  "ihg", "holiday inn", "radisson", "taj hotels", "sheraton", "westin", "premier inn", "travelodge", "four seasons", "ritz-carlton",
  "royal caribbean", "carnival cruise", "msc cruises", "norwegian cruise line", "p&o ferries", "stena line", "almosafer", "wego",
];

export const HOTEL_CHAINS = [
  "Hilton", "Marriott", "Hyatt", "Ibis", "Novotel", "Mercure", "Holiday Inn", "Radisson", "Taj", "OYO", "Sheraton", "Westin",
  "Premier Inn", "Travelodge", "Four Seasons", "Ritz-Carlton", "Crowne Plaza", "InterContinental", "Best Western", "Sofitel",
  "Pullman", "Kempinski", "Shangri-La", "Accor", "Meliá", "NH Hotels", "Barceló", "Riu", "Oberoi", "ITC", "Lemon Tree", "Treebo",
  "FabHotels", "Motel One", "Courtyard", "Hampton", "DoubleTree", "Airbnb", "Booking.com", "Vrbo",
];

export const TELECOM_BRANDS = [
  "vodafone", "verizon", "at&t", "t-mobile", "airtel", "jio", "reliance jio", "jiofiber", "airtel xstream", "bsnl", "mtnl", "vodafone idea",
  "orange", "ee", "o2", "three uk", "virgin media", "sky broadband", "bt broadband", "telstra", "optus", "rogers", "telus", "bell canada",
  "movistar", "claro", "tim brasil", "telcel", "safaricom", "mtn", "glo", "airtel africa", "etisalat", "stc", "zain", "singtel",
  "starhub", "m1", "globe telecom", "smart communications", "telkomsel", "indosat", "maxis", "celcom", "digi", "ais", "dtac", "truemove",
  "viettel", "swisscom", "deutsche telekom", "telekom", "telefonica", "bouygues", "sfr", "free mobile", "kpn", "proximus", "telia",
  "telenor", "tele2", "ooredoo", "mobily", "comcast", "xfinity", "spectrum", "cox", "cricket wireless", "boost mobile", "mint mobile",
  "us cellular", "lycamobile", "lebara", "giffgaff", "tesco mobile", "vodacom", "cell c", "telkom", "ufone", "jazz", "zong",
  "grameenphone", "robi", "dialog", "ncell", "docomo", "softbank", "kddi", "rakuten mobile", "sk telecom", "lg u+", "entel",
  "tigo", "digicel", "wind tre", "iliad", "fastweb", "talktalk", "plusnet", "hyperoptic", "starlink", "act fibernet", "hathway", "excitel",
];

export const DEVICE_BRANDS = [
  "iPhone", "Samsung Galaxy", "Galaxy", "Pixel", "OnePlus", "Xiaomi", "Redmi", "Poco", "Huawei", "Honor", "Oppo", "Vivo", "Realme",
  "Motorola", "Moto", "Nokia", "Sony Xperia", "Tecno", "Infinix", "itel", "Nothing Phone", "iPad", "Apple Watch", "Galaxy Watch",
  "JioPhone", "Fairphone",
];

export const EDTECH_PLATFORMS: NameList = {
  Coursera: [], Udemy: [], Canvas: ["canvas lms"], Moodle: [], Blackboard: [], edX: [], "Khan Academy": [], "Google Classroom": [],
  "BYJU'S": ["byjus", "byju"], Unacademy: [], upGrad: [], Simplilearn: [], Skillshare: [], "LinkedIn Learning": [], Duolingo: [],
  Teachable: [], Thinkific: [], Kajabi: [], Brightspace: ["d2l"], Schoology: [], Pluralsight: [], Codecademy: [], DataCamp: [],
  FutureLearn: [], "Great Learning": [], "Physics Wallah": ["pw app"], Vedantu: [], Udacity: [], MasterClass: [], Alison: [], Platzi: [],
  Domestika: [], Chegg: [], Quizlet: [], Edmodo: [], Babbel: [], Busuu: [], "Rosetta Stone": [], "Open University": [], SWAYAM: [],
  NPTEL: [], Scaler: [], "Coding Ninjas": [], Emeritus: [], "Hero Vired": [], Toppr: [], Doubtnut: [], Testbook: [], Adda247: [],
  Brainly: [], Preply: [], italki: [], Cambly: [], "Open Classrooms": ["openclassrooms"], Turnitin: [], ProctorU: [],
  Examity: [], Honorlock: [], Respondus: [],
};
