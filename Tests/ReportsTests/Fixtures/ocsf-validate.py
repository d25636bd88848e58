"""Validates a Bulwark OCSF output (a JSON array) with py-ocsf-models' DetectionFinding.

Every object must load with the model class, and nothing may be lost on the way: a key the model does not
know would be dropped silently by pydantic, so the object is dumped back and compared with the input.
Exit status 0 when all objects pass, 1 otherwise (one line per problem).
"""
import json
import sys

from py_ocsf_models.events.findings.detection_finding import DetectionFinding


def lost_keys(given, dumped, path=""):
    """Keys present in `given` but missing from `dumped`, recursively."""
    problems = []
    if isinstance(given, dict):
        if not isinstance(dumped, dict):
            return [f"{path}: not an object after validation"]
        for key, value in given.items():
            if key not in dumped:
                problems.append(f"{path}/{key}: not in the model")
            elif key != "unmapped":
                problems += lost_keys(value, dumped[key], f"{path}/{key}")
    elif isinstance(given, list) and isinstance(dumped, list):
        for i, (a, b) in enumerate(zip(given, dumped)):
            problems += lost_keys(a, b, f"{path}/{i}")
    return problems


def main():
    events = json.load(open(sys.argv[1]))
    if not isinstance(events, list):
        print("the output is not a JSON array")
        return 1
    problems = []
    for i, event in enumerate(events):
        try:
            model = DetectionFinding.model_validate(event)
        except Exception as error:  # pydantic.ValidationError, listed per field
            problems.append(f"{i}: {error}")
            continue
        problems += [f"{i}{p}" for p in lost_keys(event, model.model_dump(mode="json", exclude_none=True))]
        if model.class_uid != 2004 or int(model.type_uid) != 200401:
            problems.append(f"{i}: not a Detection Finding: Create")
    for p in problems:
        print(p)
    print(f"{len(events)} objects, {len(problems)} problems")
    return 1 if problems else 0


sys.exit(main())
