//! The Swedish texts of every command and argument, by command, read top to bottom.

use super::{AFTER, HELP_FLAG};

/// (command path, argument id, text). Texts with the user's own words (`[default: …]`)
/// carry them in Swedish; clap's own brackets (default values, environment variables,
/// possible values) are added by the shell from [`DEFAULT`], [`ENV`] and [`POSSIBLE`].
pub const HELP: &[(&str, &str, &str)] = &[
    // The program and the arguments of every command.
    (
        "",
        "",
        "Följ medborgarlöften: vad kommunen och polisen lovade, och vad som blev gjort",
    ),
    ("", AFTER, EXIT_CODES),
    (
        "*",
        "dir",
        "Löftesmappen [standard: en mapp pledges/ här eller i närmaste föräldermapp]",
    ),
    ("*", "color", "När utskriften ska färgas"),
    (
        "*",
        "quiet",
        "Skriv bara ut fel (slutstatusen säger resten)",
    ),
    (
        "*",
        "lang",
        "Språk för etiketter och statusord; löftenas egen text visas som den är skriven \
         [standard: svenska när LC_ALL/LC_MESSAGES/LANG börjar med sv, annars engelska]",
    ),
    ("*", "help", HELP_FLAG),
    ("*", "version", "Visa versionen"),
    (
        "help",
        "",
        "Visa den här hjälpen eller hjälpen för de angivna kommandona",
    ),
    // validate
    (
        "validate",
        "",
        "Kontrollera löftesfiler och rapportera varje problem, med fil, rad och kolumn",
    ),
    (
        "validate",
        "paths",
        "Filer eller mappar att kontrollera [standard: löftesmappen]",
    ),
    (
        "validate",
        "as_of",
        "Bedöm loggdatum mot den här dagen i stället för i dag",
    ),
    // list
    (
        "list",
        "",
        "En rad per löfte: kommun, period, läge, aktiviteter",
    ),
    (
        "list",
        "kommun",
        "Bara löften för den här kommunen (namn eller kommunkod)",
    ),
    (
        "list",
        "active_on",
        "Bara löften vars period omfattar det här datumet; också dagen läget bedöms på",
    ),
    (
        "list",
        "as_of",
        "Bedöm lägen på det här datumet [standard: i dag]",
    ),
    ("list", "format", FORMAT_TABLES),
    ("list", "output", OUTPUT),
    // done
    (
        "done",
        "",
        "Registrera utfört arbete på en aktivitet (eller själva uppföljningen)",
    ),
    (
        "done",
        "kommun",
        "Kommunens namn (valfria versaler, å/ä/ö som a/a/o) eller kommunkod",
    ),
    (
        "done",
        "activity",
        "Aktivitetens id, en entydig början av ett, eller ett entydigt ord ur dess text; \
         `followup` för själva uppföljningen",
    ),
    (
        "done",
        "event",
        "Registrera att en händelse som löftet hänvisar till har ägt rum (ett `[[event]]`-id: \
         ett BRÅ-möte, en annan parts vandring), i stället för arbete på en aktivitet",
    ),
    (
        "done",
        "instead_of_slot",
        "Arbetet, en annan dag än veckotidens veckodag, ersatte den veckans ordinarie tillfälle",
    ),
    ("done", "date", "När arbetet gjordes [standard: i dag]"),
    (
        "done",
        "count",
        "Hur många tillfällen posten registrerar (1 till 10000, så många som filen rymmer)",
    ),
    (
        "done",
        "by",
        concat!(
            "Vem som gjorde det ",
            "[standard: PLEDGE_USER, annars gits user.name, annars inloggningsnamnet]"
        ),
    ),
    (
        "done",
        "note",
        "En anteckning: var, hur många som deltog, vad som hittades (får börja med `-`: \
         \"-2 grader\")",
    ),
    ("done", "area", AREA_CHOOSE),
    (
        "done",
        "unit",
        "Enheten arbetet gällde, för en aktivitet med enheter (en skola, ett område; en \
         entydig början räcker)",
    ),
    (
        "done",
        "part",
        "Delen av en aktivitet med delar (dess id, eller en entydig början)",
    ),
    (
        "done",
        "request",
        "Registrera en mottagen förfrågan, för en aktivitet som görs på begäran (svar \
         registreras utan flaggan)",
    ),
    ("done", "dry_run", DRY_RUN_ADD),
    // undo
    (
        "undo",
        "",
        "Ta bort den senast registrerade posten i en kommuns löfte",
    ),
    ("undo", "kommun", KOMMUN),
    (
        "undo",
        "date",
        "Posten med det här datumet [standard: din egen senaste post]",
    ),
    (
        "undo",
        "activity",
        "Posten för den här aktiviteten (ett id, dess början eller ett ord ur dess text)",
    ),
    (
        "undo",
        "index",
        "Posten med det här numret i `pledge log KOMMUN` (dess #-kolumn; 1 = den äldsta)",
    ),
    (
        "undo",
        "area",
        "Bara löften för delar av kommunen (en början av deras `area`)",
    ),
    (
        "undo",
        "by",
        concat!(
            "Vems poster som är dina ",
            "[standard: PLEDGE_USER, annars gits user.name, annars inloggningsnamnet]"
        ),
    ),
    (
        "undo",
        "dry_run",
        "Visa vad som skulle tas bort, och skriv inget",
    ),
    // measure
    (
        "measure",
        "",
        "Registrera ett uppmätt värde för en indikator (en enkäts resultat, ett antal brott)",
    ),
    (
        "measure",
        "kommun",
        "Kommunens namn eller kommunkod (med --from-csv: bara den kommunens rader)",
    ),
    (
        "measure",
        "indicator",
        "Indikatorns id, eller en entydig början av ett",
    ),
    (
        "measure",
        "value",
        "Det uppmätta värdet: 62, 62.5, 62,5 eller 1 234,5 (mellanslag mellan tusental behöver \
         inga citattecken)",
    ),
    (
        "measure",
        "fetch",
        "Hämta värdena för varje indikator med en källserie (`source = { kolada = \"..\" }`) \
         från tjänsten, för de här kommunerna [standard: varje löfte i mappen]",
    ),
    (
        "measure",
        "from_csv",
        "Läs värdena från en CSV-fil (kolumner för kommun, år och värde), för --indicator",
    ),
    (
        "measure",
        "indicator_flag",
        "Med --fetch eller --from-csv: bara den här indikatorn (dess id, eller en entydig början)",
    ),
    (
        "measure",
        "update",
        "Med --fetch eller --from-csv: skriv ett ändrat publicerat värde som en ny post som \
         säger vad den rättar (utan flaggan rapporteras ändringen bara)",
    ),
    (
        "measure",
        "date",
        "Dagen det mättes (enkätens, inte dagens) [standard: i dag]",
    ),
    (
        "measure",
        "source",
        "Var det publicerades: en adress eller en rapport",
    ),
    (
        "measure",
        "note",
        "En anteckning: svarsfrekvensen, en ändrad metod",
    ),
    (
        "measure",
        "by",
        concat!(
            "Vem som registrerade det ",
            "[standard: PLEDGE_USER, annars gits user.name, annars inloggningsnamnet]"
        ),
    ),
    ("measure", "area", AREA_CHOOSE),
    ("measure", "dry_run", DRY_RUN_ADD),
    // verdict
    (
        "verdict",
        "",
        "Registrera uppföljningens bedömning av en aktivitet: uppfyllt, delvis eller ej uppfyllt",
    ),
    ("verdict", "kommun", KOMMUN),
    (
        "verdict",
        "activity",
        "Aktivitetens id, en entydig början av ett, eller ett entydigt ord ur dess text",
    ),
    (
        "verdict",
        "verdict",
        "uppfyllt, delvis eller \"ej uppfyllt\" (också kept, partly, broken)",
    ),
    (
        "verdict",
        "reason",
        "Varför: vad som gjordes, vad som inte gjordes",
    ),
    (
        "verdict",
        "source",
        "Protokollet eller den publicerade uppföljningen",
    ),
    (
        "verdict",
        "date",
        "Dagen för bedömningen (mötets) [standard: i dag]",
    ),
    (
        "verdict",
        "by",
        concat!(
            "Vem som bedömde ",
            "[standard: PLEDGE_USER, annars gits user.name, annars inloggningsnamnet]"
        ),
    ),
    ("verdict", "area", AREA_CHOOSE),
    ("verdict", "dry_run", DRY_RUN_ADD),
    // log
    ("log", "", "Lista registrerat arbete, äldst först"),
    ("log", "kommuner", "Bara de här kommunerna [standard: alla]"),
    ("log", "since", "Bara poster på eller efter det här datumet"),
    ("log", "until", "Bara poster på eller före det här datumet"),
    (
        "log",
        "activity",
        "Bara den här aktiviteten (id, början eller ord ur dess text)",
    ),
    ("log", "format", FORMAT_TABLES),
    ("log", "output", OUTPUT),
    // status
    (
        "status",
        "",
        "Uppföljningsstatus per kommun: vad som är uppfyllt, i fas, försenat",
    ),
    (
        "status",
        "kommuner",
        "Kommuner att visa [standard: den enda kommunen i mappen]",
    ),
    ("status", "all", "Varje kommun i mappen, grupperade per län"),
    ("status", "as_of", JUDGE_ON),
    ("status", "all_windows", ALL_WINDOWS),
    ("status", "format", FORMAT_TABLES),
    ("status", "output", OUTPUT),
    // report
    (
        "report",
        "",
        "Underlaget till BRÅ-mötet: utlovat, gjort, försenat, uppföljning",
    ),
    ("report", "kommun", KOMMUN),
    (
        "report",
        "since",
        "Visa loggposter från det här datumet (det senaste BRÅ-mötet) [standard: periodens \
         början]",
    ),
    ("report", "as_of", JUDGE_ON),
    ("report", "format", FORMAT),
    ("report", "all_windows", ALL_WINDOWS),
    (
        "report",
        "area",
        "Löftet för den här delen av kommunen (en början av dess `area`), när den har flera",
    ),
    (
        "report",
        "meeting",
        "Datumet för mötet rapporten gäller (visas under rubriken)",
    ),
    (
        "report",
        "sign",
        "Avsluta med underskriftsrader: ort och datum, och en rad för varje undertecknare",
    ),
    // check
    (
        "check",
        "",
        "För cron: tyst med slutstatus 0 när inget behöver göras, annars en rad per fynd",
    ),
    ("check", "as_of", JUDGE_ON),
    (
        "check",
        "within",
        "Rapportera perioder och uppföljningar som slutar inom så här många dagar",
    ),
    ("check", "format", FORMAT),
    // new
    (
        "new",
        "",
        "Skriv en kommenterad mall för ett nytt löfte i löftesmappen",
    ),
    (
        "new",
        "kommuner",
        "Kommunen, eller flera för ett löfte över flera kommuner",
    ),
    ("new", "start", "Periodens första dag"),
    ("new", "end", "Periodens sista dag (den inräknad)"),
    (
        "new",
        "area",
        "Den del av kommunen löftet gäller (en stadsdel, centrum)",
    ),
    (
        "new",
        "dry_run",
        "Skriv ut mallen i stället för att skriva filen",
    ),
    (
        "new",
        "name",
        "Filens namn i löftesmappen [standard: kommunerna, området och åren, t.ex. \
         karlstad-munkfors-2016-2017.toml]",
    ),
    // calendar
    (
        "calendar",
        "",
        "Skriv ut ett iCalendar-flöde (RFC 5545) med uppföljningar, periodslut och löftenas slut",
    ),
    ("calendar", "kommuner", ONLY_KOMMUNER),
    ("calendar", "all_windows", ALL_WINDOWS),
    (
        "calendar",
        "as_of",
        "Dagen att bedöma på: perioder och uppföljningar som redan passerat utelämnas \
         [standard: i dag]",
    ),
    // site
    (
        "site",
        "",
        "Skriv en statisk webbplats med varje löfte och dess data, för kommunens webbserver \
         (på svenska om inte --lang en)",
    ),
    (
        "site",
        "outdir",
        "Mappen som webbplatsen skrivs till (skapas om den saknas)",
    ),
    ("site", "kommuner", ONLY_KOMMUNER),
    ("site", "as_of", JUDGE_ON),
    ("site", "all_windows", ALL_WINDOWS),
    (
        "site",
        "force",
        "Skriv i OUTDIR även när den innehåller filer som pledge inte skrivit där (aldrig över \
         dem), eller när OUTDIR är en symbolisk länk",
    ),
    (
        "site",
        "base_url",
        "Adressen webbplatsen publiceras på (https://…/), för de absoluta adresserna i dess \
         DCAT-AP-SE-beskrivning `dcat.rdf`, som Sveriges dataportal vill ha",
    ),
    (
        "site",
        "publisher",
        "Vem som publicerar data, namngiven i `dcat.rdf` [standard: löftenas kommun]",
    ),
    (
        "site",
        "licence",
        "Adressen till licensen för data, namngiven i `dcat.rdf` (löftesfilerna anger ingen) \
         [standard: en uppgift om att licensen inte är angiven]",
    ),
    (
        "site",
        "contact",
        "Vem man frågar om data, kontaktpunkten i `dcat.rdf`: en e-postadress eller en \
         webbadress [standard: ingen angiven]",
    ),
    // import
    (
        "import",
        "",
        "Skriv ett utkast till löftesfil från ett löftes publicerade text (tolkningar markerade)",
    ),
    (
        "import",
        "files",
        "De publicerade texterna (ren UTF-8), mappar med .txt-filer, eller - för standard in",
    ),
    (
        "import",
        "out",
        "Skriv utkastet till den här filen (bara en text) [standard: KOMMUN-ÅR.toml i \
         löftesmappen]",
    ),
    ("import", "kommun", "Kommunen, när texten inte nämner den"),
    (
        "import",
        "start",
        "Periodens första dag, när texten inte anger den",
    ),
    (
        "import",
        "end",
        "Periodens sista dag, när texten inte anger den",
    ),
    (
        "import",
        "dry_run",
        "Skriv ut utkastet i stället för att skriva filen",
    ),
    // completions, man, schema
    (
        "completions",
        "",
        "Skriv ut ett kompletteringsskript för skalet",
    ),
    ("completions", "shell", "Skalet skriptet är till för"),
    ("man", "", "Skriv ut manualsidan (roff)"),
    (
        "schema",
        "",
        "Skriv ut JSON Schema för löftesfilernas format (för editorer som taplo)",
    ),
    // git
    (
        "git",
        "",
        "Ställ in den här git-klonen så att löftesfiler slås ihop post för post, och \
         kontrollera det",
    ),
    (
        "git setup",
        "",
        "Skriv raderna i .gitattributes och .gitignore och klonens sammanslagningsdrivrutin \
         (går att köra om)",
    ),
    (
        "git setup",
        "dry_run",
        "Säg vad som skulle skrivas, och skriv inget",
    ),
    (
        "git setup",
        AFTER,
        "Slutstatus:\n  0  inställt\n  1  skrivet, men något åsidosätter det fortfarande \
         (namnges)\n  2  inte i en git-arbetskatalog, eller git kan inte köras",
    ),
    (
        "git check",
        "",
        "Säg om klonen är inställd: varje löftesfil slås ihop av drivrutinen, med dess reserv",
    ),
    (
        "git check",
        AFTER,
        "Slutstatus:\n  0  inställt\n  1  något saknas (vart och ett namnges)\n  2  inte i en \
         git-arbetskatalog, eller git kan inte köras",
    ),
    // verify-merge, merge-driver
    (
        "verify-merge",
        "",
        "För en forges CI: de loggposter, mätningar och bedömningar som en sammanslagning \
         tappade, och filerna den lämnade ogiltiga (slutstatus 1 om några)",
    ),
    (
        "verify-merge",
        "revs",
        "BASE och HEAD (HEAD en ättling till BASE), eller en commit: då från dess första \
         förälder till den (en merge-commit: sammanslagningen och de commits den förde in)",
    ),
    (
        "verify-merge",
        "as_of",
        "Bedöm loggdatum mot den här dagen i stället för i dag (för filernas kontroll)",
    ),
    (
        "verify-merge",
        AFTER,
        "Slutstatus:\n  0  inget förlorat, varje fil som var giltig är det fortfarande\n  1  \
         något förlorat eller trasigt (vart och ett namnges)\n  2  fel i kommandoraden, okänd \
         revision, git kan inte köras",
    ),
    (
        "merge-driver",
        "",
        "Gits sammanslagningsdrivrutin: slår ihop de loggposter båda sidor lagt till (se README)",
    ),
    (
        "merge-driver",
        "base",
        "Den gemensamma förfaderns version (%O)",
    ),
    (
        "merge-driver",
        "ours",
        "Vår version, och dit resultatet skrivs (%A)",
    ),
    ("merge-driver", "theirs", "Deras version (%B)"),
];

const EXIT_CODES: &str = "\
Slutstatus:
  0  klart; för `check`: inget behöver göras
  1  problem hittade: ogiltiga löftesfiler, fynd av `check`, en vägrad ändring
  2  fel i kommandoraden, eller en fil eller mapp som inte kan läsas eller skrivas";

const KOMMUN: &str = "Kommunens namn eller kommunkod";
const ONLY_KOMMUNER: &str = "Bara de här kommunerna [standard: varje löfte i mappen]";
const AREA_CHOOSE: &str = "Välj bland löften för delar av kommunen (en början av dess `area`)";
const DRY_RUN_ADD: &str = "Visa exakt den text som skulle läggas till, och skriv inget";
const ALL_WINDOWS: &str = "Varje aktivitets alla perioder, och alla enheter i en statustabell \
och en rapport (standard: de 600 perioder som ligger närmast dagen och 600 enheter, med \
antalet utelämnade)";
const JUDGE_ON: &str = "Dagen att bedöma på [standard: i dag]";
const FORMAT: &str = "Utskriftens format";
const FORMAT_TABLES: &str = "Utskriftens format (xlsx: en Excel-arbetsbok, kräver --output FIL \
                             eller att standard ut inte är en terminal; excel-csv: CSV för \
                             svenska Excel: BOM, `;`, koder som text)";
const OUTPUT: &str = "Skriv utskriften till den här filen i stället för till standard ut";
