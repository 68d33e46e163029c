"""A Python standard-library client of `leadsim serve` (urllib, ssl, xml.etree only).

Usage: python3 serve_client.py '<first stdout line of leadsim serve>'
Talks to serve over HTTPS when the line names a CA file (trusted through SSL_CERT_FILE, like any OpenSSL client),
exercises Salesforce (SOAP login, versions, identity, REST create, upsert by Email, incremental sync by
SystemModstamp), Marketo (token, asset API static list, list membership, push to a seeded program) and the admin
API (clock, snapshot, restore, reset), and prints one JSON line of what it saw. Exits 1 with the reason on the first
surprise.
"""
import json
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

INFO = json.loads(sys.argv[1])
SF = INFO["salesforce"]
MKTO = INFO["marketo"]
ADMIN = INFO["admin"]["url"]
CONTEXT = ssl.create_default_context()  # honours SSL_CERT_FILE; verifies the host name and the chain


def fail(message):
    print(json.dumps({"ok": False, "error": message}))
    sys.exit(1)


def request(method, url, body=None, headers=None, form=False):
    data = None
    headers = dict(headers or {})
    if body is not None:
        if form:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif isinstance(body, str):
            data = body.encode()
        else:
            data = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, context=CONTEXT) as res:
            return res.status, res.read().decode(), dict(res.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), dict(err.headers)


def expect(condition, message):
    if not condition:
        fail(message)


# --- Salesforce: SOAP login, as simple-salesforce does by default ----------------------------------------------
envelope = (
    '<?xml version="1.0" encoding="utf-8" ?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:urn="urn:partner.soap.sforce.com"><soapenv:Header><urn:CallOptions><urn:client>stdlib</urn:client></urn:CallOptions>'
    f'</soapenv:Header><soapenv:Body><urn:login><urn:username>{SF["username"]}</urn:username><urn:password>pw</urn:password>'
    "</urn:login></soapenv:Body></soapenv:Envelope>"
)
status, text, _ = request("POST", f'{SF["loginUrl"]}/services/Soap/u/62.0', envelope, {"Content-Type": "text/xml", "SOAPAction": "login"})
expect(status == 200, f"SOAP login answered {status}: {text[:200]}")
ns = {"p": "urn:partner.soap.sforce.com"}
result = ET.fromstring(text).find(".//p:result", ns)
session = result.find("p:sessionId", ns).text
server_url = result.find("p:serverUrl", ns).text
instance = "/".join(server_url.split("/")[:3])
expect(instance == SF["instanceUrl"], f"serverUrl {server_url} is not on the instance {SF['instanceUrl']}")
auth = {"Authorization": f"Bearer {session}"}

status, text, _ = request("GET", f"{instance}/services/data")
expect(status == 200 and any(v["version"] == "62.0" for v in json.loads(text)), "versions list")
status, text, _ = request("GET", f"{instance}/services/data/v62.0", headers=auth)
identity_url = json.loads(text)["identity"]
expect(identity_url.startswith(instance + "/id/"), f"identity URL {identity_url} leaves the instance")
status, text, _ = request("GET", identity_url, headers=auth)
expect(status == 200 and json.loads(text)["username"] == SF["username"], f"identity: {status} {text[:200]}")

base = f"{instance}/services/data/v62.0"
status, text, _ = request("POST", f"{base}/sobjects/Lead/", {"LastName": "Py", "Company": "Stdlib", "Email": "py@stdlib.example"}, auth)
expect(status == 201, f"create: {status} {text}")
lead_id = json.loads(text)["id"]
status, text, _ = request("GET", f"{base}/sobjects/Lead/{lead_id}?fields=SystemModstamp", headers=auth)
first_stamp = json.loads(text)["SystemModstamp"]
status, text, _ = request("PATCH", f"{base}/sobjects/Lead/Email/py@stdlib.example", {"Title": "Pythonista"}, auth)
expect(status == 200 and json.loads(text)["created"] is False, f"upsert update: {status} {text}")
status, text, _ = request("PATCH", f"{base}/sobjects/Lead/Email/py2@stdlib.example", {"LastName": "Py2", "Company": "Stdlib"}, auth)
expect(status == 201 and json.loads(text)["created"] is True, f"upsert create: {status} {text}")

# Incremental sync: advance the (manual) clock, update, then ask for what changed since the last sync.
request("POST", f"{ADMIN}/clock/advance", {"seconds": 60})
request("PATCH", f"{base}/sobjects/Lead/{lead_id}", {"Title": "Senior Pythonista"}, auth)
since = first_stamp.replace(".000+0000", "Z")
status, text, _ = request("GET", f"{base}/query?q=" + urllib.parse.quote(f"SELECT Id, Title FROM Lead WHERE SystemModstamp > {since}"), headers=auth)
changed = [(r["Id"], r["Title"]) for r in json.loads(text)["records"]]
expect((lead_id, "Senior Pythonista") in changed, f"incremental sync found {changed}")

# --- Marketo ----------------------------------------------------------------------------------------------------
status, text, _ = request("GET", f'{MKTO["identityUrl"]}/oauth/token?grant_type=client_credentials&client_id={MKTO["clientId"]}&client_secret={MKTO["clientSecret"]}')
mauth = {"Authorization": "Bearer " + json.loads(text)["access_token"]}
status, text, _ = request("POST", f'{MKTO["baseUrl"]}/asset/v1/staticLists.json', {"name": "Python list", "folder": json.dumps({"id": 5, "type": "Folder"})}, mauth, form=True)
created_list = json.loads(text)
expect(created_list["success"], f"static list: {text}")
list_id = created_list["result"][0]["id"]
status, text, _ = request("POST", f'{MKTO["baseUrl"]}/v1/leads/push.json', {"programName": "Webinar - Platform Tour", "input": [{"email": "py@stdlib.example"}]}, mauth)
pushed = json.loads(text)
expect(pushed["success"], f"push: {text}")
mlead = pushed["result"][0]["id"]
status, text, _ = request("POST", f'{MKTO["baseUrl"]}/v1/lists/{list_id}/leads.json', {"input": [{"id": mlead}]}, mauth)
expect(json.loads(text)["result"][0]["status"] == "added", f"list add: {text}")
status, text, _ = request("GET", f'{MKTO["baseUrl"]}/v1/typo.json', headers=mauth)
expect(json.loads(text)["errors"][0]["code"] == "610", f"unknown path: {text}")

# --- Admin: snapshot, restore, reset -----------------------------------------------------------------------------
status, text, _ = request("POST", f"{ADMIN}/snapshots", {"name": "python"})
snap = json.loads(text)["id"]
request("DELETE", f"{base}/sobjects/Lead/{lead_id}", headers=auth)
expect(request("GET", f"{base}/sobjects/Lead/{lead_id}", headers=auth)[0] == 404, "lead should be deleted")
request("POST", f"{ADMIN}/snapshots/{snap}/restore")
expect(request("GET", f"{base}/sobjects/Lead/{lead_id}", headers=auth)[0] == 200, "restore brings the lead back")
status, text, _ = request("POST", f"{ADMIN}/reset")
expect(json.loads(text)["clock"]["now"] == INFO["clock"]["start"], f"reset clock: {text}")
expect(request("GET", f"{base}/sobjects/Lead/{lead_id}", headers=auth)[0] == 404, "reset forgets the lead")
expect(request("GET", identity_url, headers=auth)[0] == 200, "the session survives the reset")

print(json.dumps({"ok": True, "https": instance.startswith("https://"), "lead": lead_id, "changed": len(changed), "list": list_id}))
