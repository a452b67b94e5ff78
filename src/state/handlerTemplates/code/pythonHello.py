import json
import logging
import time

# Lambda's Python runtime logs through the root logger; its level is WARNING until you set it.
logger = logging.getLogger()
logger.setLevel(logging.INFO)

# Code at module scope runs once per execution environment: that is Init,
# the cold start. Its state survives while the environment stays warm.
invocations = 0
environment_started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def lambda_handler(event, context):
    global invocations
    invocations += 1
    logger.info("Received event: %s", json.dumps(event))

    return {
        "message": f"Hello, {event.get('name', 'world')}!",
        "invocations": invocations,
        "environmentStartedAt": environment_started_at,
        "requestId": context.aws_request_id,
        "remainingTimeMs": context.get_remaining_time_in_millis(),
    }
