"""One view per kind of page: look the thing up (404 when it is not there), render its template."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, current_app, render_template, request

from ..model import Municipality
from ..paths import item_path, meeting_path
from . import roles, summaries
from .breadcrumbs import breadcrumbs
from .citations import page_citation
from .navigation import file_bytes
from .routes import RULES
from .state import SITE_ROOT, cached, current_archive, current_catalog

LATEST_MEETINGS = 10


def register(app: Flask) -> None:
    for endpoint, rule in RULES:
        app.add_url_rule(rule, endpoint, VIEWS[endpoint])
    app.register_error_handler(404, lambda error: (not_found_page(), 404))


def found(thing):
    if thing is None:
        abort(404)
    return thing


def find_municipality(municipality: str) -> Municipality:
    return found(current_archive().municipalities.get(municipality))


def find_committee(municipality: str, committee: str):
    return found(find_municipality(municipality).committees.get(committee))


def find_meeting(municipality: str, committee: str, meeting: str):
    found_committee = find_committee(municipality, committee)
    by_id = cached(("meetings", municipality, committee), lambda: {m.id: m for m in found_committee.meetings})
    return found(by_id.get(meeting))


def home_page():
    archive = current_archive()
    return render_template("home.html", trail=breadcrumbs(), archive=archive, latest=summaries.latest_meetings(archive, LATEST_MEETINGS))


def search_page():
    return render_template("search.html", trail=breadcrumbs() + [("Søg", None)])


def data_page():
    """The data files with their sizes, when the page is written into the site folder that holds them."""
    folder = current_app.config.get("FREEZER_DESTINATION")
    return render_template("data.html", trail=breadcrumbs() + [("Åbne data", None)], catalog=found(current_catalog()),
                           size=lambda path: file_bytes(Path(folder) / path) if folder else None)


def not_found_page():
    """Hosts show ``404.html`` at any missing address, however deep, where a relative link would lead nowhere: its
    links start from the site's address when it is known, else from the host's root (where a host that shows this
    page for every missing address serves the site), and it holds its stylesheet."""
    request.environ[SITE_ROOT] = current_app.config["SITE_URL"] + "/"
    return render_template("404.html", trail=breadcrumbs() + [("Siden findes ikke", None)])


def municipality_page(municipality):
    found_municipality = find_municipality(municipality)
    return render_template(
        "municipality.html", trail=breadcrumbs(found_municipality), municipality=found_municipality,
        latest=summaries.latest_meetings(found_municipality, LATEST_MEETINGS),
    )


def committee_page(municipality, committee):
    found_municipality = find_municipality(municipality)
    found_committee = find_committee(municipality, committee)
    return render_template(
        "committee.html", trail=breadcrumbs(found_committee), municipality=found_municipality, committee=found_committee,
        years=summaries.meetings_by_year(found_committee.meetings),
        members=roles.current_members(found_committee, found_municipality.persons),
        history=roles.role_history(found_committee, found_municipality.persons),
        recorded=roles.recorded_meetings(found_committee), latest=roles.latest_date(found_committee),
    )


def meeting_page(municipality, committee, meeting):
    found_meeting = find_meeting(municipality, committee, meeting)
    context = meeting_context(found_meeting)
    return render_template("meeting.html", trail=breadcrumbs(found_meeting), **context,
                           **citation_context(context, meeting_path(found_meeting)))


def item_page(municipality, committee, meeting, number):
    found_meeting = find_meeting(municipality, committee, meeting)
    item = found(found_meeting.item(number))
    context = meeting_context(found_meeting)
    return render_template("item.html", trail=breadcrumbs(item), item=item, **context,
                           **citation_context(context, item_path(item), item))


def attachment_page(municipality, committee, meeting, slug):
    found_meeting = find_meeting(municipality, committee, meeting)
    attachment = found(next((a for a in found_meeting.published_attachments() if a.slug == slug), None))
    item = found_meeting.item(attachment.item) if attachment.item is not None else None
    return render_template("attachment.html", trail=breadcrumbs(attachment), attachment=attachment, item=item, **meeting_context(found_meeting))


def meeting_context(meeting) -> dict:
    archive = current_archive()
    return {
        "meeting": meeting,
        "committee": archive.committee(meeting),
        "municipality": archive.municipalities[meeting.municipality],
    }


def citation_context(context: dict, path: str, item=None) -> dict:
    """The facts and text citing the meeting or ``item`` at ``path``: under ``SITE_URL`` when the site's address
    is configured, else from the site root."""
    facts, text = page_citation(context["municipality"], context["committee"], context["meeting"],
                                f"{current_app.config['SITE_URL']}/{path}", item)
    return {"citation_facts": facts, "citation_text": text}


def case_page(municipality, case):
    found_municipality = find_municipality(municipality)
    found_case = found(found_municipality.cases.get(case))
    return render_template("case.html", trail=breadcrumbs(found_case), municipality=found_municipality, case=found_case)


def person_page(municipality, person):
    found_municipality = find_municipality(municipality)
    found_person = found(found_municipality.persons.get(person))
    return render_template(
        "person.html", trail=breadcrumbs(found_person), municipality=found_municipality, person=found_person,
        record=summaries.person_record(found_municipality, found_person, cached(
            ("naming", found_municipality.id), lambda: summaries.items_naming_persons(found_municipality))),
    )


VIEWS = {
    "home": home_page, "search": search_page, "data": data_page, "not_found": not_found_page,
    "municipality": municipality_page, "case": case_page, "person": person_page, "committee": committee_page,
    "meeting": meeting_page, "item": item_page, "attachment": attachment_page,
}
