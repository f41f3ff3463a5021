#!/usr/bin/env python3
"""Generates benchmark inputs for strategiekit: valid strategy files of a given size.

Why Python and not a Rust example: the generator only writes TOML text, so it needs
nothing from the crate; a script needs no build step, and an example under
`examples/` would be compiled by every `cargo test` and `cargo clippy --all-targets`
of everybody working on the crate. Only the standard library is used (`tomllib`,
hence Python >= 3.11), and there is no randomness: every choice is index arithmetic
over fixed word lists, so the same arguments always give byte-identical files.

The item ids of `[text]` and the technical topics are read from `seeds/outline.toml`,
so the workload follows the outline when it changes.

    bench/workload.py --fields 10 --measures 8 --out ref.toml            # "ref"
    bench/workload.py --fields 50 --measures 40 --out big.toml           # "big"
    bench/workload.py --fields 10 --measures 8 --copies 1000 --out DIR   # the batch
"""

import argparse
import math
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ~40 sentences of plausible strategy prose; texts are cut from this bank by index.
SENTENCES = [
    "Die Stadt nutzt Digitalisierung, damit das Leben für alle Menschen einfacher, gesünder und klimafreundlicher wird.",
    "Digitalisierung ist dabei kein Selbstzweck, sondern ein Werkzeug für das Gemeinwohl.",
    "Verwaltung, Stadtwerke, Hochschulen, Unternehmen und Ehrenamtliche arbeiten in festen Formaten zusammen.",
    "Jede Maßnahme beschreibt vor dem Start, wie sie auf die Ziele der Strategie einzahlt und wer sie nach der Förderung betreibt.",
    "Daten, die im Auftrag der Stadt erhoben werden, bleiben in kommunaler Verantwortung und werden, wo möglich, als Open Data veröffentlicht.",
    "Für jedes digitale Angebot gibt es einen analogen Zugang, damit niemand zurückgelassen wird.",
    "Die Bürgerinnen und Bürger wurden in Quartiersgesprächen, einer Online-Befragung und zwei Zukunftswerkstätten beteiligt.",
    "Besonders ältere Menschen wünschen sich persönliche Unterstützung beim Umgang mit Smartphone und Tablet.",
    "Der Ausbau des Glasfasernetzes und eines LoRaWAN-Funknetzes schafft die technische Grundlage für viele Anwendungen.",
    "Sensoren messen Bodenfeuchte, Temperatur, Pegelstände und die Auslastung von Parkplätzen.",
    "Eine urbane Datenplattform führt die Daten zusammen und stellt sie über offene Schnittstellen bereit.",
    "Kleine, sichtbare Projekte schaffen Vertrauen und zeigen früh, welchen Nutzen die Strategie bringt.",
    "Was sich in der Erprobung nicht bewährt, wird beendet und mit seinen Erkenntnissen dokumentiert.",
    "Die Fördermittel des Bundesprogramms Modellprojekte Smart Cities decken einen großen Teil der Anschubkosten.",
    "Für die Zeit nach der Förderung werden Betriebsmittel im Haushalt fest eingeplant.",
    "Open-Source-Lösungen werden gemeinsam mit anderen Kommunen weiterentwickelt und geteilt.",
    "Der Gemeinderat entscheidet über Budget, Prioritäten und die Fortschreibung der Strategie.",
    "Ein fachübergreifender Lenkungskreis tagt monatlich und berichtet dem Verwaltungsvorstand.",
    "Die Abteilung Digitalisierung steuert die Umsetzung und berät die Fachämter bei Ausschreibung und Betrieb.",
    "Kinder und Jugendliche erproben in Makerspace-Kursen, wie man Sensoren baut und Daten auswertet.",
    "Unternehmen aus Handel und Handwerk erhalten in einer Digitalisierungswerkstatt praxisnahe Beratung.",
    "Die Mobilitätsplattform bündelt Fahrplanauskunft in Echtzeit, Sharing-Angebote und freie Parkplätze.",
    "Energiemonitoring macht den Verbrauch der städtischen Gebäude sichtbar und zeigt, wo sich Sanierungen lohnen.",
    "Hitzekarten weisen kühle Orte aus und helfen, Begrünung gezielt zu planen.",
    "Der digitale Zwilling simuliert Starkregen und macht Planungen für alle anschaulich.",
    "Verwaltungsleistungen lassen sich rund um die Uhr online beantragen, der Bearbeitungsstand ist jederzeit einsehbar.",
    "Die persönliche Beratung im Bürgerbüro bleibt erhalten und wird durch Terminbuchung planbar.",
    "Digitalmentorinnen und -mentoren helfen in Stadtteilbibliotheken und Quartierstreffs.",
    "Die Strategie wird alle 24 Monate überprüft; Indikatoren zeigen, ob die Ziele erreicht werden.",
    "Ein Datenethik-Beirat prüft Projekte, die personenbezogene Daten berühren könnten.",
    "Informationssicherheit folgt dem IT-Grundschutz; kritische Dienste haben einen Notbetrieb.",
    "Barrierefreiheit wird von Anfang an mitgedacht, nicht erst bei der Abnahme geprüft.",
    "Die Ortsteile profitieren von bedarfsorientierten Angeboten, die Wege verkürzen und Fahrten bündeln.",
    "Hochschulen begleiten ausgewählte Projekte wissenschaftlich und werten die Wirkung aus.",
    "Ein Ideenwettbewerb hat über 120 Vorschläge aus der Stadtgesellschaft hervorgebracht.",
    "Eine Jury aus Verwaltung, Politik und Fachbeirat hat die Ideen nach fünf Kriterien bewertet.",
    "Die Kosten werden über die Laufzeit gleichmäßig auf die Haushaltsjahre verteilt.",
    "Kooperationen mit Nachbarkommunen senken die Kosten für Betrieb und Wartung.",
    "Die Ergebnisse werden in einfacher Sprache auf der Website der Stadt veröffentlicht.",
    "Rückmeldungen aus der Bürgerschaft fließen in jede Fortschreibung ein.",
    "Bis 2030 sollen neun von zehn Verwaltungsleistungen vollständig digital nutzbar sein (Stand 2025: 41 %).",
    # shorter ones, for short fields
    "Die Wege werden kürzer.",
    "Das spart Zeit und Papier.",
    "Die Daten bleiben bei der Stadt.",
    "Niemand wird zurückgelassen.",
    "Der Bedarf wurde 2024 erhoben.",
    "Ausgewählt im Ideenwettbewerb.",
    "Nur anonyme Messwerte.",
    "Weniger Suchverkehr in der Innenstadt.",
    "Termine ohne Wartezeit.",
    "Schnellere Bescheide, weniger Rückfragen.",
    "Fortschreibung 2026.",
    "Open Data unter freier Lizenz.",
    "Empfehlung des Fachbeirats.",
    "Ältere Menschen brauchen Unterstützung.",
    "Die Schulen fragen nach Kursen.",
    "Die Verwaltung arbeitet mit der E-Akte.",
    "Sharing-Angebote ergänzen Bus und Bahn.",
    "Die Stadtwerke betreiben das Funknetz.",
    "Ein Beirat begleitet die Umsetzung kritisch.",
    "Die Hochschule wertet die Messdaten aus.",
    "Das Angebot ist barrierefrei und mehrsprachig.",
    "Die Kosten teilen sich drei Nachbarkommunen.",
    "Der Betrieb ist ab 2028 im Haushalt gesichert.",
    "Quartierstreffs bieten wöchentliche Sprechstunden an.",
    "Jede Anwendung hat eine verantwortliche Stelle.",
    "Die Software steht unter einer offenen Lizenz.",
    "Ein Pilot im Stadtteil Nord läuft seit 2025.",
    "Die Ergebnisse fließen in die Wärmeplanung ein.",
    "Mehr als 300 Menschen haben sich beteiligt.",
    "Die Anzeige zeigt Abfahrten in Echtzeit.",
]

# Length of each kind of free text at --scale 1: (characters, paragraphs). Tuned so that
# the full-profile Markdown is about 120 KB for 10 x 8 and 2.7 MB for 50 x 40 (bench/README.md).
TEXT = {
    "item": (100, 2),  # every [text] item
    "mission": (200, 1),
    "narrative": (300, 1),
    "goal": (120, 1),
    "field": (160, 1),
    "description": (90, 1),  # every measure ...
    "needs": (35, 1),
    "benefit": (35, 1),
    "selection": (30, 1),
    "data_sovereignty": (35, 1),
}

FIELD_TOPICS = [
    "Mobilität", "Verwaltung", "Umwelt und Klimaanpassung", "Energie", "Bildung", "Gesundheit und Pflege",
    "Wirtschaft und Arbeit", "Gesellschaft und Teilhabe", "Kultur", "Daten und Infrastruktur", "Wohnen",
    "Sicherheit und Ordnung", "Tourismus", "Handel und Innenstadt", "Landwirtschaft", "Wasser und Abwasser",
    "Sport und Freizeit", "Jugend", "Senioren", "Integration", "Stadtplanung", "Abfallwirtschaft",
    "Katastrophenschutz", "Ehrenamt", "Breitband",
]
MEASURE_WORDS = ["Plattform", "Sensornetz", "Beratung", "Reallabor", "Open Data", "App", "Pilot", "Werkstatt"]
LEADS = ["Abteilung Digitalisierung", "Amt für Stadtplanung", "Bürgerdienste", "Stadtwerke", "Umweltamt",
         "Amt für Bildung und Sport", "Wirtschaftsförderung", "Sozialamt", "Kulturamt", "Tiefbauamt"]
PARTNERS = ["Hochschule", "Stadtwerke", "IHK", "Handwerkskammer", "Verkehrsverbund", "Seniorenbeirat",
            "Jugendgemeinderat", "Landkreis", "Nachbarkommune", "Verein Offene Daten", "Volkshochschule"]
# sources with kind and share in percent; what the grants leave is the own share
FINANCING = [
    [("MPSC (KfW 436)", "grant", 65), ("Eigenmittel", "own", 35)],
    [("Eigenmittel", "own", 100)],
    [("Landesförderung", "grant", 50)],
    [("EFRE", "grant", 60)],
    [("Bundesförderung Klimaschutz", "grant", 70)],
    [("Stadtwerke", "third_party", 100)],
]
PRIORITIES = ["high", "medium", "low"]
STATUSES = ["idea", "planned", "running", "done"]
GROUPS = ["administration", "politics", "business", "science", "civil_society"]
INVOLVEMENT = ["inform", "co-create", "consult"]
STATES = ["Baden-Württemberg", "Bayern", "Hessen", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
          "Sachsen", "Schleswig-Holstein", "Thüringen", "Brandenburg"]
# 12 x 10 x 10 = 1200 distinct municipality names for the batch
NAME_PREFIX = ["Alt", "Neu", "Ober", "Unter", "Groß", "Klein", "Hohen", "Nieder", "Bad", "Sankt", "Markt", "Wester"]
NAME_ROOT = ["linden", "eichen", "buchen", "rosen", "mühl", "kirch", "wald", "see", "berg", "tal"]
NAME_SUFFIX = ["feld", "bach", "burg", "heim", "hausen", "stadt", "dorf", "au", "stein", "brück"]


def sentences(seed, count):
    """`count` sentences from the bank, starting and stepping by `seed` (deterministic)."""
    n = len(SENTENCES)
    return [SENTENCES[(seed * 13 + i * 7) % n] for i in range(count)]


def prose(seed, chars, paragraphs=1):
    """About `chars` characters of text in `paragraphs` paragraphs. Each paragraph walks the
    bank from a seed-dependent start (with a step coprime to its length, so no sentence
    repeats) and takes the sentences that still fit; it takes at least one."""
    n = len(SENTENCES)
    step = next(k for k in (7, 11, 13, 17, 19) if math.gcd(k, n) == 1)
    budget = max(1, chars // paragraphs)
    out = []
    for p in range(paragraphs):
        start = (seed * 13 + p * 29) % n
        walk = [SENTENCES[(start + k * step) % n] for k in range(n)]
        taken, left = [], budget
        for s in walk:
            if len(s) < left:
                taken.append(s)
                left -= len(s) + 1
        if not taken:  # budget below every sentence: the shortest one
            taken.append(min(walk, key=len))
        out.append(" ".join(taken))
    return "\n\n".join(out)


def q(s):
    """A TOML basic string."""
    assert '"' not in s and "\\" not in s, s
    return '"' + s.replace("\n", "\\n") + '"'


def ml(s):
    """A TOML multi-line basic string."""
    assert '"""' not in s and "\\" not in s, s
    return '"""\n' + s + '\n"""'


def town_name(i):
    p = NAME_PREFIX[i % len(NAME_PREFIX)]
    r = NAME_ROOT[(i // len(NAME_PREFIX)) % len(NAME_ROOT)]
    s = NAME_SUFFIX[(i // (len(NAME_PREFIX) * len(NAME_ROOT))) % len(NAME_SUFFIX)]
    return f"{p} {r.capitalize()}{s}" if p in ("Bad", "Sankt", "Markt") else f"{p}{r}{s}"


def slug(name):
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})
    return name.lower().translate(table)


def strategy(name, nfields, nmeasures, scale):
    """The TOML text of one strategy; `scale` multiplies the length of every free text."""
    with open(os.path.join(ROOT, "seeds", "outline.toml"), "rb") as fh:
        outline = tomllib.load(fh)
    items = [it for it in outline["items"] if it["section"] != "production"]
    technical = [it["id"] for it in items if it["section"] == "technical"]
    production = [it["id"] for it in outline["items"] if it["section"] == "production"]

    def t(seed, kind):
        chars, paragraphs = TEXT[kind]
        return prose(seed, round(chars * scale), paragraphs)

    out = []
    w = out.append
    w("# Generated by bench/workload.py: a synthetic benchmark input, not a real strategy.")
    w(f"# {nfields} fields of action x {nmeasures} measures, text scale {scale}.")
    w("schema_version = 1\n")
    w("[municipality]")
    w(f"name = {q(name)}")
    w('kind = "city"')
    w(f"state = {q(STATES[len(name) % len(STATES)])}")
    w(f"population = {20000 + 1000 * nfields + 17 * len(name)}\n")
    w("[document]")
    w(f"title = {q(f'Smart-City-Strategie {name} 2030')}")
    w('subtitle = "Digital. Gemeinsam. Nachhaltig."')
    w('version = "1.0"\nstatus = "adopted"\ndate = 2026-11-22\nadopted_on = 2026-11-18\nreview_months = 24')
    w('language = "de"')
    w(f"authors = [{q(f'Stadt {name}, Abteilung Digitalisierung')}, \"Lenkungskreis Smart City\"]")
    w(f"contact = {q('digital@' + slug(name) + '.de')}\n")

    w("[text]")
    for k, it in enumerate(items):
        w(f"{it['id']} = {ml(t(k, 'item'))}")
    w("")

    w("[vision]")
    w(f"vision = {q(f'{name} nutzt die Digitalisierung, damit alle Menschen gut, klimafreundlich und selbstbestimmt leben können.')}")
    w(f"mission = {q(t(1, 'mission'))}")
    w(f"narrative = {q(t(2, 'narrative'))}")
    w('keywords = ["Teilhabe", "Souveränität", "Nachhaltigkeit"]')
    w('guiding_principles = ["Digitalisierung ist kein Selbstzweck", "Gemeinwohl vor Geschäftsinteresse", '
      '"Open Source und offene Schnittstellen zuerst", "Jedes digitale Angebot hat einen analogen Zugang"]\n')

    # goals: one per field of action (fields beyond 25 share them, as a strategy seldom has
    # more), below one top goal per five of them (at least two)
    subs = min(nfields, 25)
    tops = max(2, subs // 5)
    for g in range(tops):
        w("[[goals]]")
        w(f'id = "Z{g + 1}"')
        w(f"title = {q(['Digitale Teilhabe', 'Klimaschutz'][g % 2] + f' {g // 2 + 1}')}")
        w(f"description = {q(t(g + 5, 'goal'))}")
        w('derived_from = "Zukunftswerkstätten 2024, Fachkonzepte"\ncross_sector = true')
        for n in range(2):
            w("\n  [[goals.indicators]]")
            w(f'  name = "Kennzahl {n + 1} der Zukunftsaufgabe {g + 1}"\n  unit = "%"')
            w(f"  baseline = {20.0 + g + n}\n  baseline_year = 2024\n  target = {60.0 + g + n}\n  target_year = 2030")
            w('  source = "Bürgerumfrage"')
        w("")
    for f in range(subs):
        w("[[goals]]")
        w(f'id = "Z{f % tops + 1}.{f // tops + 1}"')
        w(f"title = {q(f'{FIELD_TOPICS[f % len(FIELD_TOPICS)]} stärken')}")
        w(f"description = {q(t(f + 9, 'goal'))}")
        w(f'parent = "Z{f % tops + 1}"')
        w('derived_from = "Beteiligung 2024"')
        w("\n  [[goals.indicators]]")
        w(f'  name = "Nutzende der Angebote im Handlungsfeld {f + 1}"\n  unit = "Personen"')
        w(f"  baseline = {100.0 * (f + 1)}\n  baseline_year = 2024\n  target = {500.0 * (f + 1)}\n  target_year = 2029")
        w('  source = "Eigene Erhebung"\n')

    def field_goal(f):
        f %= subs
        return f"Z{f % tops + 1}.{f // tops + 1}"

    def top_goal(f):
        return f"Z{f % subs % tops + 1}"

    for f in range(nfields):
        topic = FIELD_TOPICS[f % len(FIELD_TOPICS)]
        round_ = f // len(FIELD_TOPICS)
        w("[[fields]]")
        w(f'id = "field-{f + 1:02d}"')
        w(f"title = {q(topic if round_ == 0 else f'{topic} ({round_ + 1})')}")
        w(f"description = {q(t(f + 11, 'field'))}")
        w(f'goals = ["{field_goal(f)}", "{top_goal(f)}"]\n')

    for f in range(nfields):
        topic = FIELD_TOPICS[f % len(FIELD_TOPICS)]
        for m in range(nmeasures):
            i = f * nmeasures + m
            noun = MEASURE_WORDS[i % len(MEASURE_WORDS)]
            start = 2025 + i % 4
            w("[[measures]]")
            w(f'id = "F{f + 1:02d}-M{m + 1:02d}"')
            w(f"title = {q(f'{noun} {topic.split()[0]} {m + 1}')}")
            w(f'field = "field-{f + 1:02d}"')
            w(f'goals = ["{field_goal(f)}", "{top_goal(f)}"]')
            w(f"description = {ml(t(i, 'description'))}")
            w(f"needs = {q(t(i + 1, 'needs'))}")
            w(f"benefit = {q(t(i + 2, 'benefit'))}")
            w(f"lead = {q(LEADS[i % len(LEADS)])}")
            w(f"partners = [{q(PARTNERS[i % len(PARTNERS)])}, {q(PARTNERS[(i + 3) % len(PARTNERS)])}]")
            w(f"priority = {q(PRIORITIES[i % 3])}")
            if i % 5 == 0:
                w("quick_win = true")
            w(f"status = {q(STATUSES[i % 4])}")
            w(f"start = {start}\nend = {start + i % 3 + 1}")
            w(f"budget_eur = {25000 * (1 + i % 40)}")
            w(f"sdgs = [11, {(9, 13, 4, 3, 7)[i % 5]}]")
            w(f"selection = {q(t(i + 3, 'selection'))}")
            w(f"data_sovereignty = {q(t(i + 4, 'data_sovereignty'))}\n")
            for source, kind, share in FINANCING[i % len(FINANCING)]:
                w("[[measures.financing]]")
                w(f"source = {q(source)}\nkind = {q(kind)}\nshare_percent = {share}\n")

    w("[technical]")
    w("topics = [" + ", ".join(q(x) for x in technical) + "]\n")

    for a in range(12):
        w("[[actors]]")
        w(f"name = {q(f'{PARTNERS[a % len(PARTNERS)]} {name}' if a else f'Gemeinderat {name}')}")
        w(f"group = {q('politics' if a == 0 else GROUPS[a % len(GROUPS)])}")
        w(f"role = {q(sentences(a + 2, 1)[0])}")
        w(f"involvement = {q(INVOLVEMENT[a % 3])}")
        if a % 4 == 0:
            w("committee = true")
        w("")

    for g in range(10):
        w("[[glossary]]")
        w(f'term = "Begriff {g + 1}"')
        w(f"definition = {q(sentences(g + 20, 1)[0])}\n")

    w("[production]")
    for k, p in enumerate(production):
        w(f"{p} = {'true' if k % 2 == 0 else 'false'}")
    notes = ", ".join(f"{p} = {q(f'Stand der Arbeiten zu Punkt {k + 1}')}" for k, p in enumerate(production))
    w(f"notes = {{ {notes} }}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fields", type=int, required=True, help="fields of action")
    ap.add_argument("--measures", type=int, required=True, help="measures per field")
    ap.add_argument("--scale", type=float, default=1.0, help="length factor of every free text")
    ap.add_argument("--name", default="Musterstadt", help="municipality name (single file)")
    ap.add_argument("--copies", type=int, default=0, help="write this many files, one per name, into --out")
    ap.add_argument("--out", required=True, help="output file, or directory with --copies")
    a = ap.parse_args()
    if a.copies:
        os.makedirs(a.out, exist_ok=True)
        for i in range(a.copies):
            name = town_name(i)
            with open(os.path.join(a.out, slug(name) + ".toml"), "w", encoding="utf-8") as fh:
                fh.write(strategy(name, a.fields, a.measures, a.scale))
    else:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write(strategy(a.name, a.fields, a.measures, a.scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
