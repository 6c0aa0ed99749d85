"""A deterministic, seeded synthetic archive written as ordinary ``content/`` (docs/content-format.md).

N municipalities, each with a council whose members sit on committees that
meet monthly (not in July) from 2014, one election period every four years;
meetings of about ten items whose text follows the sample minutes (see
``vocabulary.py``), with recurring cases, closed items, absences and long
attachments. Every municipality is drawn from its own random source seeded by
(seed, index), so the output is the same whatever the number of workers.

    python -m benchmarks.synthetic --meetings 1000 --out /tmp/content
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import multiprocessing
import os
import random
from pathlib import Path

import yaml

from kommunearkiv.content.writer import write_meeting, write_meeting_files
from kommunearkiv.content.yamlfiles import dump_yaml
from kommunearkiv.slugs import municipality_slug, slug

from .synthetic_meetings import FORMATS, CaseBook, Writer, meeting_document
from .vocabulary import learn

MEETINGS_PER_MUNICIPALITY = 500
FIRST_YEAR, PERIOD_YEARS = 2014, 4
COUNCIL_SIZE = 25
COMMITTEES = ("Økonomiudvalget", "Børne- og Skoleudvalget", "Teknik- og Miljøudvalget",
              "Social- og Sundhedsudvalget", "Erhvervs- og Beskæftigelsesudvalget", "Kultur- og Fritidsudvalget")
PARTIES = ("A", "A", "A", "V", "V", "C", "F", "B", "O", "Ø", "I", "K", "D", "Å")
FIRST_NAMES = ("Anne", "Mette", "Susanne", "Hanne", "Lene", "Kirsten", "Karen", "Gurli", "Agnete", "Birgitte", "Pia",
               "Helle", "Tina", "Ida", "Sofie", "Åse", "Jens", "Peter", "Lars", "Søren", "Niels", "Henrik", "Rasmus",
               "Erling", "Nikolaj", "Klaus", "Bo", "Mikkel", "Thomas", "Jørgen", "Ole", "Morten", "Anders", "Bjarne")
SURNAMES = ("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
            "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Møller", "Fog", "Bührmann", "Fisker",
            "Neerbek", "Jeremiassen", "Holm", "Lund", "Bach", "Dahl", "Østergaard", "Kjær", "Vestergaard", "Skov")
MUNICIPALITIES = (
    "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholms Regionskommune", "Brøndby", "Brønderslev",
    "Dragør", "Egedal", "Esbjerg", "Fanø", "Favrskov", "Faxe", "Fredensborg", "Fredericia", "Frederiksberg",
    "Frederikshavn", "Frederikssund", "Furesø", "Faaborg-Midtfyn", "Gentofte", "Gladsaxe", "Glostrup", "Greve",
    "Gribskov", "Guldborgsund", "Haderslev", "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning", "Hillerød",
    "Hjørring", "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ikast-Brande",
    "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding", "Københavns", "Køge", "Langeland", "Lejre",
    "Lemvig", "Lolland", "Lyngby-Taarbæk", "Læsø", "Mariagerfjord", "Middelfart", "Morsø", "Norddjurs", "Nordfyns",
    "Nyborg", "Næstved", "Odder", "Odense", "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted",
    "Roskilde", "Rudersdal", "Rødovre", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø",
    "Stevns", "Struer", "Svendborg", "Syddjurs", "Sønderborg", "Thisted", "Tønder", "Tårnby", "Vallensbæk", "Varde",
    "Vejen", "Vejle", "Vesthimmerlands", "Viborg", "Vordingborg", "Ærø", "Aabenraa", "Aalborg", "Aarhus",
)


def generate_archive(content_dir: Path, meetings: int, municipalities: int | None = None, items: int = 10,
                     seed: int = 1, workers: int | None = None) -> dict:
    """Write ``meetings`` meetings into ``content_dir`` (which must not hold an archive yet); returns counts."""
    count = municipalities or max(1, round(meetings / MEETINGS_PER_MUNICIPALITY))
    quotas = [meetings // count + (index < meetings % count) for index in range(count)]
    tasks = [(Path(content_dir), index, quota, items, seed) for index, quota in enumerate(quotas)]
    with multiprocessing.get_context("fork").Pool(min(workers or os.cpu_count() or 1, count)) as pool:
        results = pool.map(write_municipality, tasks)
    return {key: sum(r[key] for r in results) for key in results[0]} | {"municipalities": count}


@functools.cache
def vocabulary():
    return learn()


def municipality_name(index: int) -> str:
    base = MUNICIPALITIES[index % len(MUNICIPALITIES)]
    name = base if base.endswith("kommune") else f"{base} Kommune"
    return name if index < len(MUNICIPALITIES) else f"{name} {index // len(MUNICIPALITIES) + 1}"


def write_municipality(task: tuple[Path, int, int, int, int]) -> dict:
    """Write one municipality's folder: its meetings, then its committees and persons, which depend on them."""
    content_dir, index, quota, items, seed = task
    rng = random.Random(f"{seed}:{index}")
    name, style = municipality_name(index), FORMATS[index % len(FORMATS)]
    folder = content_dir / municipality_slug(name)
    council = council_members(rng)
    writer, cases = Writer(vocabulary(), rng), CaseBook()
    committees: dict[str, dict] = {}
    counts = {"meetings": 0, "items": 0, "closed_items": 0, "attachments": 0}
    for date, committee_name, meeting_id in meeting_schedule(quota, rng):
        if committee_name not in committees:
            committees[committee_name] = new_committee(council, rng)
        committee = committees[committee_name]
        doc = meeting_document(writer, cases, style, name, committee_name, date, committee["seats"], items)
        doc["source"]["file"] = f"{slug(committee_name)}-{meeting_id}.txt"
        write_meeting_files(folder / slug(committee_name) / meeting_id, doc, {p["name"]: slug(p["name"]) for p in council})
        committee["dates"].append(date)
        counts = tally(counts, doc)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "municipality.yaml").write_text(dump_yaml({"name": name}), encoding="utf-8")
    seated = {seat["name"] for c in committees.values() for seat in c["seats"]}
    persons = {slug(p["name"]): {"name": p["name"], "party": p["party"]} for p in council if p["name"] in seated}
    (folder / "persons.yaml").write_text(dump_yaml(dict(sorted(persons.items()))), encoding="utf-8")
    for committee_name, committee in committees.items():
        (folder / slug(committee_name) / "committee.yaml").write_text(dump_yaml(committee_file(committee_name, committee)), encoding="utf-8")
    return counts


def tally(counts: dict, doc: dict) -> dict:
    closed = sum(item["access"] == "closed" for item in doc["items"])
    return {"meetings": counts["meetings"] + 1, "items": counts["items"] + len(doc["items"]),
            "closed_items": counts["closed_items"] + closed, "attachments": counts["attachments"] + len(doc["attachment_documents"])}


def council_members(rng: random.Random) -> list[dict]:
    """The council: distinct names (and so distinct person ids), each with a party letter."""
    names = sorted({f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES})
    return [{"name": name, "party": rng.choice(PARTIES)} for name in rng.sample(names, COUNCIL_SIZE)]


def new_committee(council: list[dict], rng: random.Random) -> dict:
    """Five to seven council members; the first chairs, the second is deputy."""
    seats = rng.sample(council, rng.randint(5, 7))
    roles = ["Formand", "Næstformand"] + ["Medlem"] * (len(seats) - 2)
    return {"seats": [{"name": s["name"], "party": s["party"], "role": role} for s, role in zip(seats, roles)], "dates": []}


def committee_file(name: str, committee: dict) -> dict:
    """committee.yaml: every seat held from the committee's first to its last meeting."""
    first, last = min(committee["dates"]), max(committee["dates"])
    members = [{"person": slug(s["name"]), "role": s["role"], "from": first, "to": last} for s in committee["seats"]]
    return {"name": name, "period": name.rsplit(" ", 1)[-1], "members": sorted(members, key=lambda m: m["person"])}


def meeting_schedule(quota: int, rng: random.Random):
    """``(date, committee name with period, meeting id)`` in date order: each committee monthly except July,
    now and then a second meeting on the same day."""
    produced, month = 0, 0
    while produced < quota:
        year, month_of_year = FIRST_YEAR + month // 12, month % 12 + 1
        month += 1
        if month_of_year == 7:
            continue
        period_start = FIRST_YEAR + (year - FIRST_YEAR) // PERIOD_YEARS * PERIOD_YEARS
        for number, committee in enumerate(COMMITTEES):
            date = dt.date(year, month_of_year, 2 + 4 * number)
            repeats = 2 if rng.random() < 0.02 else 1
            for repeat in range(repeats):
                if produced < quota:
                    produced += 1
                    yield date, f"{committee} {period_start}-{period_start + PERIOD_YEARS - 1}", date.isoformat() + (f"-{repeat + 1}" if repeat else "")


def add_meeting(content_dir: Path, seed: int = 1) -> Path:
    """Add one meeting a week after the latest meeting of the first committee, through the importer's writer
    (which merges persons and memberships); returns its folder."""
    folder = sorted(p for p in Path(content_dir).iterdir() if (p / "municipality.yaml").is_file())[0]
    committee_dir = sorted(p.parent for p in folder.glob("*/committee.yaml"))[0]
    last = sorted(p.name for p in committee_dir.iterdir() if p.is_dir())[-1]
    committee = yaml.safe_load((committee_dir / "committee.yaml").read_text(encoding="utf-8"))
    persons = yaml.safe_load((folder / "persons.yaml").read_text(encoding="utf-8"))
    meeting = yaml.safe_load((committee_dir / last / "meeting.yaml").read_text(encoding="utf-8"))
    style = next(f for f in FORMATS if meeting["source"]["format"] == f"synthetic-{f.name}")
    latest = max(m["to"] for m in committee["members"])
    members = [{"name": persons[m["person"]]["name"], "party": persons[m["person"]]["party"], "role": m["role"]}
               for m in committee["members"] if m["to"] == latest]
    date = dt.date.fromisoformat(last[:10]) + dt.timedelta(days=7)
    name = yaml.safe_load((folder / "municipality.yaml").read_text(encoding="utf-8"))["name"]
    doc = meeting_document(Writer(vocabulary(), random.Random(f"{seed}:added")), CaseBook(next_serial=90000), style,
                           name, committee["name"], date, members, items=10)
    doc["source"]["file"] = f"{committee_dir.name}-{date.isoformat()}-added.txt"
    return write_meeting(doc, Path(content_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description="Write a synthetic archive as content/.")
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--municipalities", type=int, default=None, help=f"default: one per {MEETINGS_PER_MUNICIPALITY} meetings")
    parser.add_argument("--items", type=int, default=10, help="agenda items per meeting, on average (default: 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="content folder to write (must not exist)")
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists; give a new folder")
    counts = generate_archive(args.out, args.meetings, args.municipalities, args.items, args.seed)
    print(", ".join(f"{value} {key}" for key, value in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
