#!/usr/bin/env python3
"""Generates JSON instances of the bodies `sdkgen round-trip` lists, for Scripts/roundtrip-check.sh.

Reads the manifest (the document as sdkgen read it and the targets: label, Swift type, and method, path, status or
request body, or a component schema's name), turns each body's OpenAPI schema into a JSON Schema hypothesis-jsonschema can draw from, and
writes `label<TAB>json` lines (the round-trip program's input) and a JSON summary of what was drawn or why
nothing could be.

The OpenAPI schema becomes JSON Schema as the spec means it, with four deliberate narrowings that the README's
"Round trips" section lists: objects allow no properties besides those they declare (the SDK's structs keep only
those), integers stay within Int64 (the SDK's `Int`), a schema with properties and no type is an object, and a union with a discriminator draws each member with its
discriminator value (what the discriminator means). Recursive schemas are unrolled a few levels; deeper, the
recursive reference admits nothing (a required one makes the instance impossible, reported as such).
"""
import argparse
import fnmatch
import json
import os
import random
import select
import signal
import sys
import time
import warnings

# Hypothesis keeps a cache (.hypothesis/) in the current folder unless told otherwise: beside the venv instead.
STORAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(sys.executable))), "hypothesis-storage")

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Formats hypothesis-jsonschema knows; others are dropped (they constrain nothing JSON Schema validators check).
KNOWN_FORMATS = {"date-time", "date", "time", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
                 "uri", "uri-reference", "iri", "iri-reference", "uuid", "regex", "json-pointer",
                 "relative-json-pointer", "duration"}
BASE64 = r"^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$"
DROPPED = {"discriminator", "xml", "example", "examples", "externalDocs", "readOnly", "writeOnly", "deprecated",
           "nullable", "title", "description", "default", "contentMediaType", "contentEncoding", "$schema", "$id",
           "$comment", "unevaluatedProperties", "unevaluatedItems", "$anchor", "$dynamicAnchor", "$defs"}
MAX_DEPTH = 2


class Impossible(Exception):
    """The schema cannot be turned into one instances can be drawn from."""


def pointer(document, ref):
    if not ref.startswith("#/"):
        raise Impossible(f"unresolved reference {ref}")
    node = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise Impossible(f"unresolved reference {ref}")
    return node


def deref(document, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        node = pointer(document, node["$ref"])
        seen += 1
    return node


class Converter:
    def __init__(self, document):
        self.document = document

    def convert(self, schema, stack=()):
        if schema is True or schema is None:
            return {}
        if schema is False:
            return {"not": {}}
        if not isinstance(schema, dict):
            raise Impossible(f"schema is {type(schema).__name__}")
        if "$ref" in schema:
            ref = schema["$ref"]
            if stack.count(ref) >= MAX_DEPTH:
                return {"not": {}}
            target = pointer(self.document, ref)
            converted = self.convert(target, stack + (ref,))
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            if siblings and any(k not in DROPPED for k in siblings):
                return {"allOf": [converted, self.convert(siblings, stack)]}
            if schema.get("nullable") is True:
                return {"anyOf": [converted, {"type": "null"}]}
            return converted

        result = {}
        for key, value in schema.items():
            if key in DROPPED or key.startswith("x-"):
                continue
            if key in ("properties", "patternProperties", "dependentSchemas"):
                result[key] = {name: self.convert(sub, stack) for name, sub in (value or {}).items()}
            elif key in ("items", "additionalProperties", "not", "contains", "propertyNames", "additionalItems",
                         "if", "then", "else"):
                result[key] = self.convert(value, stack) if isinstance(value, (dict, bool)) else value
            elif key == "prefixItems":
                # Draft 7, which hypothesis-jsonschema reads: a tuple is `items` as a list.
                result["items"] = [self.convert(sub, stack) for sub in value]
                if "items" in schema:
                    result["additionalItems"] = self.convert(schema["items"], stack)
                continue
            elif key in ("allOf", "oneOf", "anyOf"):
                result[key] = [self.convert(sub, stack) for sub in value]
            elif key == "format":
                if value in ("byte", "binary", "base64"):
                    result["pattern"] = BASE64
                elif value in KNOWN_FORMATS:
                    result["format"] = value
            elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
                bound = "minimum" if key == "exclusiveMinimum" else "maximum"
                if value and bound in schema:
                    result[key] = schema[bound]
            elif key == "type" and isinstance(value, list) and len(value) == 1:
                result[key] = value[0]
            elif key in ("properties",) or key == "required":
                result[key] = value
            else:
                result[key] = value
        if "prefixItems" in schema and "items" in schema and isinstance(result.get("items"), list):
            pass
        for bound in ("minimum", "maximum"):
            key = "exclusiveMinimum" if bound == "minimum" else "exclusiveMaximum"
            if isinstance(schema.get(key), bool) and schema.get(key) and bound in result:
                del result[bound]

        # The discriminator names each member by its value.
        discriminator = schema.get("discriminator")
        for union in ("oneOf", "anyOf"):
            if isinstance(discriminator, dict) and union in schema:
                prop = discriminator.get("propertyName")
                mapping = {v: k for k, v in (discriminator.get("mapping") or {}).items()}
                members = []
                for original, converted in zip(schema[union], result[union]):
                    ref = original.get("$ref") if isinstance(original, dict) else None
                    if ref:
                        value = mapping.get(ref, ref.rsplit("/", 1)[-1])
                        converted = {"allOf": [converted, {"properties": {prop: {"const": value}}, "required": [prop]}]}
                    members.append(converted)
                result[union] = members

        # `allOf` of objects is one object (sdkgen merges it into one struct).
        if "allOf" in result:
            result = self.merge_all_of(result)

        # A schema with properties but no type is taken as an object, as sdkgen takes it (JSON Schema would let
        # it be any other kind of value too).
        if "type" not in result and ("properties" in result or "required" in result) \
                and not any(k in result for k in ("allOf", "oneOf", "anyOf", "enum", "const")):
            result["type"] = "object"

        # Objects keep only their declared properties (`additionalProperties: true` says what leaving it out does).
        if schema.get("additionalProperties") is True and result.get("properties"):
            del result["additionalProperties"]
        if ("properties" in result or result.get("type") == "object") and "additionalProperties" not in result \
                and "allOf" not in result and "oneOf" not in result and "anyOf" not in result \
                and "patternProperties" not in result and result.get("properties"):
            result["additionalProperties"] = False

        types = result.get("type")
        if types == "integer" or (isinstance(types, list) and "integer" in types):
            result.setdefault("minimum", INT64_MIN)
            result.setdefault("maximum", INT64_MAX)
            result["minimum"] = max(result["minimum"], INT64_MIN)
            result["maximum"] = min(result["maximum"], INT64_MAX)

        if schema.get("nullable") is True:
            if "type" in result:
                t = result["type"]
                result["type"] = (t if isinstance(t, list) else [t]) + (["null"] if t != "null" else [])
                if "enum" in result and None not in result["enum"]:
                    result["enum"] = result["enum"] + [None]
            else:
                result = {"anyOf": [result, {"type": "null"}]}
        return result

    def merge_all_of(self, schema):
        members = schema["allOf"]
        flat = []
        for member in members:
            if not isinstance(member, dict):
                return schema
            if any(k in member for k in ("oneOf", "anyOf", "not", "if")):
                return schema
            if "allOf" in member:
                merged = self.merge_all_of(member)
                if "allOf" in merged:
                    return schema
                member = merged
            flat.append(member)
        result = {k: v for k, v in schema.items() if k != "allOf"}
        properties = dict(result.get("properties") or {})
        required = list(result.get("required") or [])
        for member in flat:
            for key, value in member.items():
                if key == "properties":
                    for name, sub in value.items():
                        properties[name] = {"allOf": [properties[name], sub]} if name in properties else sub
                elif key == "required":
                    required += [r for r in value if r not in required]
                elif key == "additionalProperties":
                    continue
                elif key not in result:
                    result[key] = value
        if properties:
            result["properties"] = properties
        if required:
            result["required"] = required
        return result


def media_schema(document, container):
    container = deref(document, container)
    content = (container or {}).get("content") or {}
    for media, entry in content.items():
        bare = media.split(";")[0].strip().lower()
        if bare == "application/json" or bare.endswith("+json") or bare == "*/*":
            if isinstance(entry, dict) and "schema" in entry:
                return entry["schema"]
    return None


def target_schema(document, target):
    if "component" in target:
        name = target["component"].replace("~", "~0").replace("/", "~1")
        return {"$ref": f"#/components/schemas/{name}"}
    item = deref(document, (document.get("paths") or {}).get(target["path"]))
    operation = (item or {}).get(target["method"].lower())
    if not isinstance(operation, dict):
        raise Impossible("operation not found")
    if "status" not in target:
        schema = media_schema(document, operation.get("requestBody"))
    else:
        responses = operation.get("responses") or {}
        response = responses.get(target["status"]) or responses.get(target["status"].upper())
        schema = media_schema(document, response)
    if schema is None:
        raise Impossible("no JSON schema")
    return schema


def draw(strategy, count, seed):
    """Up to `count` distinct instances, the same ones for the same seed however fast the machine is: Hypothesis
    runs only its generate phase, from the seed, with no deadline, no database and no health check (the health
    checks time the test and would stop it on a slow machine), and stops after `count` examples."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    found, seen = [], set()

    @hypothesis_seed(seed)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=False, print_blob=False)
    @given(strategy)
    def collect(value):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        if text not in seen:
            seen.add(text)
            found.append(text)

    collect()
    return found


def skip_reasons(path, spec):
    """The bodies Scripts/roundtrip-skip.tsv says are not drawn from for the spec: (body glob, reason) pairs."""
    if not path:
        return []
    reasons = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.strip() and not line.startswith("#") and len(parts) >= 3 and fnmatch.fnmatchcase(spec, parts[0]):
                reasons.append((parts[1], parts[2]))
    return reasons


class HangGuard:
    """Kills this process, saying which subject it was drawing from, when drawing from one takes longer than
    `seconds`: a watchdog process, since drawing can sit in a C call (a regular expression, say) that holds the
    interpreter, where neither a signal handler nor a thread gets to run. Each `start(label)` restarts its clock."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.write = None
        if seconds <= 0:
            return
        read, self.write = os.pipe()
        parent = os.getpid()
        if os.fork() == 0:
            os.close(self.write)
            label = b""
            with os.fdopen(read, "rb", buffering=0) as pipe:
                while True:
                    ready, _, _ = select.select([pipe], [], [], seconds)
                    if not ready:
                        os.write(2, b"hang guard: drawing from " + label + f" took over {seconds:g} s\n".encode())
                        os.kill(parent, signal.SIGKILL)
                        os._exit(0)
                    data = pipe.read(4096)
                    if not data:  # the parent finished
                        os._exit(0)
                    label = data.rstrip(b"\n").rsplit(b"\n", 1)[-1]
        os.close(read)

    def start(self, label):
        if self.write is not None:
            os.write(self.write, label.encode() + b"\n")


def main():
    # Set iteration order depends on the hash seed, and hypothesis-jsonschema canonicalises through sets: the
    # same seed draws the same instances only with a fixed one.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest")
    parser.add_argument("instances", help="where to write the label<TAB>json lines")
    parser.add_argument("summary", help="where to write the JSON summary")
    parser.add_argument("--count", type=int, default=10, help="instances drawn per body (at most)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bodies", type=int, default=0,
                        help="bodies drawn from, sampled in a seeded order (0: all)")
    parser.add_argument("--hang-guard", type=float, default=300,
                        help="seconds one body may take; past them the process is killed, naming it (0: no guard)")
    parser.add_argument("--max-schema-size", type=int, default=40000,
                        help="subjects whose JSON Schema is longer (in characters) are not drawn from (0: no limit)")
    parser.add_argument("--skip", help="a file of bodies not to draw from (spec glob, body glob, reason; tab-separated)")
    parser.add_argument("--spec", default="", help="the spec's label, for --skip")
    args = parser.parse_args()

    warnings.simplefilter("ignore")

    from hypothesis.configuration import set_hypothesis_home_dir
    set_hypothesis_home_dir(STORAGE)
    from hypothesis_jsonschema import from_schema

    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    document = manifest["document"]
    converter = Converter(document)
    skips = skip_reasons(args.skip, args.spec)
    summary = []
    targets = manifest["targets"]
    # A bounded run samples the whole spec, the same bodies for the same seed.
    sampled = range(len(targets))
    if args.bodies and args.bodies < len(targets):
        order = list(range(len(targets)))
        random.Random(args.seed).shuffle(order)
        sampled = set(order[:args.bodies])
    guard = HangGuard(args.hang_guard)
    with open(args.instances, "w", encoding="utf-8") as out:
        for index, target in enumerate(targets):
            entry = {"label": target["label"], "swiftType": target["swiftType"], "drawn": 0,
                     "kind": "component" if "component" in target else "body"}
            summary.append(entry)
            if index not in sampled:
                entry["skipped"] = "not sampled"
                continue
            reason = next((why for glob, why in skips if fnmatch.fnmatchcase(target["label"], glob)), None)
            if reason:
                entry["skipped"] = reason
                continue
            started = time.monotonic()
            guard.start(target["label"])
            try:
                schema = converter.convert(target_schema(document, target))
                # hypothesis-jsonschema does not finish on some of the largest schemas (OpenRouter's Responses
                # API and chat requests, nested unions of dozens of members): a size, not a time, decides.
                size = len(json.dumps(schema))
                if args.max_schema_size and size > args.max_schema_size:
                    raise Impossible(f"its JSON Schema is over {args.max_schema_size} characters")
                instances = draw(from_schema(schema), args.count, args.seed)
            except Impossible as error:
                entry["skipped"] = str(error)
                continue
            except Exception as error:  # hypothesis-jsonschema's refusals: unsatisfiable, unsupported
                entry["skipped"] = f"{type(error).__name__}: {str(error).splitlines()[0][:160] if str(error) else ''}"
                continue
            finally:
                entry["seconds"] = round(time.monotonic() - started, 2)
            entry["drawn"] = len(instances)
            for text in instances:
                out.write(f"{target['label']}\t{text}\n")
    with open(args.summary, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
