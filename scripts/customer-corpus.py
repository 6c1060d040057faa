#!/usr/bin/env python3
"""Writes a corpus of customer records for the bundled example pair
(resources/examples/customer-v1.mdsl on V1, customer-v2.mdsl on V2), one JSON per line:
the same records as tests/engines/customer_corpus.h.

    scripts/customer-corpus.py 5000 > customers.ndjson
"""
import json
import sys


def record(n):
    tiers = ["G", "S", "B", "X"]
    contact = {"email": f"Client{n}@Example.COM"}
    if n % 5 != 0:
        contact["phone"] = f"+33 1 00 00 {1000 + n % 9000}"
    if n % 3 == 0:
        contact["fax"] = None
    elif n % 3 == 2:
        contact["fax"] = f"+33 1 99 99 {1000 + n % 9000}"
    address = {"city": "Lyon"}
    if n % 4 != 0:
        address["country"] = "FR"
    return {"id": n, "first_name": f" Ann{n} ", "last_name": f"lee{n}", "contact": contact,
            "tier": tiers[n % 4], "balance": (n * 1337 % 200000) / 100.0, "address": address}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    out = sys.stdout
    for n in range(1, count + 1):
        out.write(json.dumps(record(n), separators=(",", ":"), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
