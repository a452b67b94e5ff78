import json
import logging
import uuid

logger = logging.getLogger()
logger.setLevel(logging.INFO)

# A warm environment keeps this dict between invocations; a new environment starts empty.
# (A real API keeps its items in DynamoDB: environments share nothing.)
items = {}


def respond(status, body):
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}


def lambda_handler(event, context):
    method = event["requestContext"]["http"]["method"]
    item_id = (event.get("pathParameters") or {}).get("id")
    logger.info("%s %s", method, event["rawPath"])

    if method == "GET" and item_id:
        item = items.get(item_id)
        return respond(200, item) if item else respond(404, {"message": f"No item {item_id}"})
    if method == "GET":
        return respond(200, {"items": list(items.values())})
    if method == "POST":
        try:
            body = json.loads(event.get("body") or "{}")
        except json.JSONDecodeError as e:
            return respond(400, {"message": f"Invalid JSON: {e}"})
        item = {"id": str(uuid.uuid4()), **body}
        items[item["id"]] = item
        return respond(201, item)
    if method == "DELETE" and item_id:
        return respond(204, {}) if items.pop(item_id, None) else respond(404, {"message": f"No item {item_id}"})
    return respond(405, {"message": f"{method} is not supported"})
