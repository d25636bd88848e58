"""Signs requests with botocore for fixed credentials and time; reads a JSON list on stdin, prints a JSON map.

Each case: {"name", "method", "url", "headers": [[k, v]], "body", "service", "region", "s3": bool,
"presign": bool, "expires": int, "token": str|null}. Output: {name: {"authorization": ..., "url": ...}}.
Written for Bulwark's SigV4 tests; the clock is fixed at 2015-08-30T12:36:00Z.
"""
import datetime
import json
import sys
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

FIXED = datetime.datetime(2015, 8, 30, 12, 36, 0)


def sign(case):
    creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", case.get("token"))
    request = AWSRequest(method=case["method"], url=case["url"], data=case.get("body", "").encode("utf-8"))
    for name, value in case.get("headers", []):
        request.headers[name] = value
    if case.get("presign"):
        cls = botocore.auth.S3SigV4QueryAuth if case.get("s3") else botocore.auth.SigV4QueryAuth
        signer = cls(creds, case["service"], case["region"], expires=case.get("expires", 3600))
    else:
        cls = botocore.auth.S3SigV4Auth if case.get("s3") else botocore.auth.SigV4Auth
        signer = cls(creds, case["service"], case["region"])
    with mock.patch("botocore.auth.get_current_datetime", return_value=FIXED):
        signer.add_auth(request)
    return {"authorization": request.headers.get("Authorization", ""), "url": request.url}


def main():
    cases = json.load(sys.stdin)
    json.dump({case["name"]: sign(case) for case in cases}, sys.stdout)


if __name__ == "__main__":
    main()
