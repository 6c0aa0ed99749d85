"""Placeholder so that ``kommunearkiv.importing`` imports; the Allerød engineer replaces it."""
NAME = "alleroed"
MUNICIPALITY = "Allerød Kommune"


def detect(lines: list[str]) -> bool:
    return False


def parse(lines: list[str], path: str) -> dict:
    raise NotImplementedError("the Allerød format is not implemented yet")
