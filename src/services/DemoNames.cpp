#include "services/DemoNames.h"

#include <array>

namespace salesops::demo {
namespace {

// Weights put most business in the United States, so most deals are in USD, the corporate currency.
constexpr std::array kCountries{
    Country{"United States", "North America", 0, "USD", "99999", "+1 555", 40},
    Country{"Canada", "North America", 0, "CAD", "A9A 9A9", "+1 555", 6},
    Country{"United Kingdom", "EMEA", 1, "GBP", "AA9 9AA", "+44 20", 9},
    Country{"Ireland", "EMEA", 1, "EUR", "A99 A9A9", "+353 1", 2},
    Country{"Germany", "EMEA", 1, "EUR", "99999", "+49 30", 7},
    Country{"France", "EMEA", 1, "EUR", "99999", "+33 1", 5},
    Country{"Netherlands", "EMEA", 1, "EUR", "9999 AA", "+31 20", 3},
    Country{"Spain", "EMEA", 1, "EUR", "99999", "+34 91", 2},
    Country{"Sweden", "EMEA", 1, "USD", "999 99", "+46 8", 2},
    Country{"Japan", "APAC", 2, "JPY", "999-9999", "+81 3", 6},
    Country{"Australia", "APAC", 2, "USD", "9999", "+61 2", 5},
    Country{"Singapore", "APAC", 2, "USD", "999999", "+65 6", 3},
    Country{"India", "APAC", 2, "USD", "999999", "+91 22", 3},
    Country{"Brazil", "LATAM", 3, "USD", "99999-999", "+55 11", 4},
    Country{"Mexico", "LATAM", 3, "USD", "99999", "+52 55", 3},
};

constexpr std::array<std::string_view, 4> kRegions{"North America", "EMEA", "APAC", "LATAM"};

constexpr std::array<std::string_view, 12> kIndustries{"Software",
                                                       "Manufacturing",
                                                       "Financial Services",
                                                       "Healthcare",
                                                       "Retail",
                                                       "Logistics",
                                                       "Energy",
                                                       "Telecommunications",
                                                       "Education",
                                                       "Media",
                                                       "Professional Services",
                                                       "Public Sector"};

constexpr std::array<std::string_view, 64> kFirstNames{
    "Olivia", "Liam",   "Emma",   "Noah",      "Ava",   "Lucas",  "Sophia",  "Mateo",  "Isabella", "Ethan",  "Mia",
    "Leon",   "Amelia", "Hugo",   "Charlotte", "Arjun", "Hannah", "Kenji",   "Chloe",  "Diego",    "Grace",  "Felix",
    "Zoe",    "Omar",   "Nora",   "Rafael",    "Elena", "Jonas",  "Aisha",   "Marco",  "Lena",     "Daniel", "Yuki",
    "Samuel", "Priya",  "Oscar",  "Clara",     "Tomas", "Ingrid", "Victor",  "Maya",   "Andre",    "Sofia",  "Ryan",
    "Julia",  "Kofi",   "Laura",  "Henrik",    "Mei",   "Pablo",  "Sarah",   "David",  "Emily",    "James",  "Fatima",
    "Lars",   "Anna",   "Carlos", "Nina",      "Ravi",  "Louise", "Patrick", "Camila", "Hiroshi"};

constexpr std::array<std::string_view, 64> kLastNames{
    "Smith",  "Johnson", "Garcia",   "Müller",  "Martin",   "Rossi",     "Tanaka",   "Nguyen",   "Brown",    "Schmidt",
    "Dubois", "Silva",   "Kowalski", "Jensen",  "Patel",    "Kim",       "Williams", "Lopez",    "Fischer",  "Bernard",
    "Santos", "Novak",   "Larsen",   "Sharma",  "Park",     "Jones",     "Martinez", "Weber",    "Moreau",   "Costa",
    "Horvat", "Nielsen", "Singh",    "Choi",    "Miller",   "Hernandez", "Wagner",   "Laurent",  "Pereira",  "Dvořák",
    "Berg",   "Gupta",   "Sato",     "Davis",   "Gonzalez", "Becker",    "Lefebvre", "Oliveira", "Virtanen", "Andersen",
    "Iyer",   "Suzuki",  "Wilson",   "Ramirez", "Hoffmann", "Fontaine",  "Almeida",  "Nowak",    "Eriksson", "O'Brien",
    "Murphy", "Chen",    "Okafor",   "Yamamoto"};

constexpr std::array<std::string_view, 48> kCompanyWords{
    "Northwind", "Bluepeak", "Silverline", "Redwood",  "Brightwater", "Ironbridge", "Summit",    "Harbor",
    "Evergreen", "Granite",  "Nimbus",     "Vertex",   "Lumen",       "Cobalt",     "Aurora",    "Pioneer",
    "Keystone",  "Meridian", "Atlas",      "Sterling", "Crescent",    "Falcon",     "Horizon",   "Juniper",
    "Oakridge",  "Quantum",  "Riverbend",  "Solstice", "Trident",     "Unity",      "Westfield", "Zephyr",
    "Alpine",    "Beacon",   "Cedar",      "Delta",    "Ember",       "Fjord",      "Gateway",   "Helix",
    "Indigo",    "Jasper",   "Kestrel",    "Lattice",  "Mosaic",      "Nova",       "Orchid",    "Prism"};

constexpr std::array<std::string_view, 24> kCompanyNouns{
    "Logistics", "Systems",  "Health",    "Foods",   "Energy",    "Analytics", "Capital",  "Robotics",
    "Media",     "Networks", "Materials", "Retail",  "Labs",      "Partners",  "Mobility", "Pharma",
    "Software",  "Freight",  "Insurance", "Devices", "Solutions", "Textiles",  "Telecom",  "Studios"};

constexpr std::array<std::string_view, 8> kCompanyForms{"Inc.", "Ltd", "GmbH", "S.A.", "LLC", "B.V.", "K.K.", "Corp."};

constexpr std::array<std::string_view, 12> kTitles{"Chief Financial Officer",
                                                   "VP Operations",
                                                   "Head of IT",
                                                   "Procurement Manager",
                                                   "Director of Sales",
                                                   "Operations Manager",
                                                   "CTO",
                                                   "Finance Director",
                                                   "IT Manager",
                                                   "Chief Executive Officer",
                                                   "Head of Procurement",
                                                   "Business Analyst"};

constexpr std::array<std::string_view, 8> kLeadSources{"Web",     "Paid Search", "Event",    "Webinar",
                                                       "Partner", "Referral",    "Outbound", "Trade Show"};

}  // namespace

std::span<const Country> countries() { return kCountries; }
std::span<const std::string_view> regionNames() { return kRegions; }
std::span<const std::string_view> industries() { return kIndustries; }
std::span<const std::string_view> firstNames() { return kFirstNames; }
std::span<const std::string_view> lastNames() { return kLastNames; }
std::span<const std::string_view> companyWords() { return kCompanyWords; }
std::span<const std::string_view> companyNouns() { return kCompanyNouns; }
std::span<const std::string_view> companyForms() { return kCompanyForms; }
std::span<const std::string_view> contactTitles() { return kTitles; }
std::span<const std::string_view> leadSources() { return kLeadSources; }

}  // namespace salesops::demo
