import json
import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def process(record):
    order = json.loads(record["body"])
    if order.get("quantity", 0) <= 0:
        raise ValueError(f"order {order.get('orderId')} has no quantity")
    logger.info("order %s: %s x %s", order["orderId"], order["quantity"], order["sku"])


def lambda_handler(event, context):
    # With ReportBatchItemFailures, only the failed messages return to the queue.
    failures = []
    for record in event["Records"]:
        try:
            process(record)
        except Exception as e:
            logger.error("message %s failed: %s", record["messageId"], e)
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
