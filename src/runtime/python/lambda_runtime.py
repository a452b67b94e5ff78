"""
The playground's Python runtime: what Lambda's managed Python runtime does
around a handler (lambda-model.md §5, §6), running in Pyodide inside an
execution environment's worker. The JavaScript side (pythonRuntime.ts) is the
Runtime API client: it asks `next` for each event and posts what `invoke`
returns to `response` or `error`. This module imports the handler at Init,
builds the context, formats logs and errors as Lambda's runtime does, and
keeps the module's state between warm invocations (one interpreter per
environment).

Log events go out through `_lambda_sink.event(text)` (one CloudWatch event
each, newlines kept, as Lambda's runtime writes them through its telemetry
channel); `print` goes to standard output, one event per line.
"""

import decimal
import importlib
import json
import logging
import math
import os
import random
import sys
import time
import traceback

import _lambda_sink

RUNTIME_FILE = __file__ if "__file__" in globals() else "<lambda_runtime>"
TASK_ROOT = "/var/task"
LOG_LEVELS = {"TRACE": 5, "DEBUG": 10, "INFO": 20, "WARN": 30, "WARNING": 30, "ERROR": 40, "FATAL": 50, "CRITICAL": 50}

_state = {"request_id": None, "handler": None, "spec": None, "log_format": "Text", "after_restore": [], "before_snapshot": []}


class FaultException(Exception):
    IMPORT_MODULE_ERROR = "Runtime.ImportModuleError"
    BUILT_IN_MODULE_CONFLICT = "Runtime.BuiltInModuleConflict"
    MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName"
    USER_CODE_SYNTAX_ERROR = "Runtime.UserCodeSyntaxError"
    HANDLER_NOT_FOUND = "Runtime.HandlerNotFound"
    MARSHAL_ERROR = "Runtime.MarshalError"

    def __init__(self, exception_type, msg, trace=None):
        super().__init__(msg)
        self.exception_type = exception_type
        self.msg = msg
        self.trace = trace


class CognitoIdentity:
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]

    def __init__(self, identity_id=None, pool_id=None):
        self.cognito_identity_id = identity_id
        self.cognito_identity_pool_id = pool_id

    def __repr__(self):
        return "CognitoIdentity([cognito_identity_id={},cognito_identity_pool_id={}])".format(self.cognito_identity_id, self.cognito_identity_pool_id)


class LambdaContext:
    """The context object Lambda's Python runtime passes to a handler."""

    def __init__(self, spec, request_id, deadline_ms, invoked_function_arn, identity=None, client_context=None):
        self.aws_request_id = request_id
        self.log_group_name = spec["logGroupName"]
        self.log_stream_name = spec["logStreamName"]
        self.function_name = spec["functionName"]
        self.memory_limit_in_mb = str(spec["memoryMb"])
        self.function_version = spec.get("functionVersion") or "$LATEST"
        self.invoked_function_arn = invoked_function_arn
        self.identity = CognitoIdentity(*(identity or (None, None)))
        self.client_context = client_context
        self.tenant_id = None
        self._epoch_deadline_time_in_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(self._epoch_deadline_time_in_ms - int(round(time.time() * 1000)), 0)

    def log(self, msg):
        for line in str(msg).split("\n"):
            print(line)

    def __repr__(self):
        return (
            "LambdaContext([aws_request_id={},log_group_name={},log_stream_name={},function_name={},memory_limit_in_mb={},"
            "function_version={},invoked_function_arn={},client_context={},identity={},tenant_id={}])"
        ).format(
            self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name, self.memory_limit_in_mb,
            self.function_version, self.invoked_function_arn, self.client_context, self.identity, self.tenant_id,
        )


class LambdaLoggerHandler(logging.Handler):
    """Writes each record as one log event (its newlines kept)."""

    def emit(self, record):
        try:
            _lambda_sink.event(self.format(record).rstrip("\n"))
        except Exception:
            self.handleError(record)


class LambdaLoggerFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _state["request_id"] or ""
        return True


class JsonFormatter(logging.Formatter):
    """Lambda's JSON application log format for Python."""

    def format(self, record):
        message = record.getMessage() if not isinstance(record.msg, dict) else record.msg
        out = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs,
            "level": record.levelname,
            "message": message,
            "logger": record.name,
            "stackTrace": None,
            "requestId": _state["request_id"] or "",
        }
        if record.exc_info:
            etype, value, tb = record.exc_info
            out["errorType"] = etype.__name__ if etype else None
            out["errorMessage"] = str(value)
            out["stackTrace"] = traceback.format_tb(tb)
        else:
            del out["stackTrace"]
        return json.dumps(out, default=str)


def _setup_logging(log_format, log_level):
    logging.Formatter.converter = time.gmtime
    logger = logging.getLogger()
    handler = LambdaLoggerHandler()
    if log_format == "JSON":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(LambdaLoggerFilter())
    if log_level in LOG_LEVELS:
        logger.setLevel(LOG_LEVELS[log_level])
    logger.addHandler(handler)


def _user_frames(tb):
    """The traceback's frames from the handler's code on (the runtime's own frames are not the user's)."""
    frames = traceback.extract_tb(tb)
    for i, frame in enumerate(frames):
        if frame.filename != RUNTIME_FILE and not frame.filename.startswith("<frozen importlib"):
            return [f for f in frames[i:] if not f.filename.startswith("<frozen importlib")]
    return []


def make_error(error_message, error_type, stack_trace, request_id=None):
    return {
        "errorMessage": error_message if error_message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def _fault_result(exc, request_id):
    return make_error(str(exc), type(exc).__name__, traceback.format_list(_user_frames(exc.__traceback__)), request_id)


def _log_error(error):
    """`[ERROR] Type: message`, then the traceback, as one event (in the JSON format, the error's fields)."""
    if _state["log_format"] == "JSON":
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".%03dZ" % (int(time.time() * 1000) % 1000)
        _lambda_sink.event(json.dumps({"timestamp": stamp, "level": "ERROR", "message": error.get("errorMessage"), "logger": "root", **error}))
        return
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    stack = error.get("stackTrace")
    if stack is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack:
            if element == "":
                lines.append("")
            else:
                lines.extend(element.splitlines())
    _lambda_sink.event("\n".join(lines)[: 256 * 1024])


def _get_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException(FaultException.MALFORMED_HANDLER_NAME, "Bad handler '{}': {}".format(handler, str(e)))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException(FaultException.BUILT_IN_MODULE_CONFLICT, "Cannot use built-in module {} as a handler module".format(modname))
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise FaultException(FaultException.IMPORT_MODULE_ERROR, "Unable to import module '{}': {}".format(modname, str(e)))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException(FaultException.USER_CODE_SYNTAX_ERROR, "Syntax error in module '{}': {}".format(modname, str(e)), trace)
    try:
        return getattr(module, fname)
    except AttributeError:
        fault = FaultException(FaultException.HANDLER_NOT_FOUND, "Handler '{}' missing on module '{}'".format(fname, modname), None)

        def fault_handler(event, context):
            raise fault

        return fault_handler


class _DecimalNumber(float):
    """A Decimal written as its own digits (a JSON number, not a string and not a rounded float)."""

    def __new__(cls, value):
        number = super().__new__(cls, value)
        number.digits = str(value)
        return number

    def __repr__(self):
        return self.digits


class _ResponseEncoder(json.JSONEncoder):
    """How Lambda's Python 3.12+ runtime writes a result: Decimals as numbers, non-ASCII kept, NaN allowed."""

    def __init__(self):
        super().__init__(ensure_ascii=False, allow_nan=True)

    def default(self, o):
        if isinstance(o, decimal.Decimal):
            return math.nan if o.is_nan() else _DecimalNumber(o)
        return super().default(o)


def _to_json(obj):
    return _ResponseEncoder().encode(obj)


def _mount(files, root):
    for path, content in files:
        full = path if path.startswith("/") else os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb" if isinstance(content, (bytes, bytearray)) else "w") as f:
            f.write(content)


class _SeededEntropy:
    """During a snapshot's Init (and its replay at restore), os.urandom draws from the snapshot's seed."""

    def __init__(self, seed):
        self._random = random.Random(seed)
        self._urandom = os.urandom

    def __enter__(self):
        os.urandom = lambda n: self._random.randbytes(n)
        random.seed(self._random.getrandbits(64))
        return self

    def __exit__(self, *exc):
        os.urandom = self._urandom
        return False


def init(spec_json, files_json="[]"):
    """Init: environment, paths, /var/task and /opt, logging, then the handler's import. Returns the error, or None."""
    spec = json.loads(spec_json)
    files = json.loads(files_json)
    _state["spec"] = spec
    os.environ.clear()
    os.environ.update(spec["variables"])
    for path in ("/tmp", TASK_ROOT, "/opt"):
        os.makedirs(path, exist_ok=True)
    _mount(files or [], "/")
    minor = "%d.%d" % sys.version_info[:2]
    for path in reversed([TASK_ROOT, "/opt/python/lib/python%s/site-packages" % minor, "/opt/python"]):
        if path in sys.path:
            sys.path.remove(path)
        sys.path.insert(0, path)
    os.chdir(TASK_ROOT)
    variables = spec["variables"]
    log_format = variables.get("AWS_LAMBDA_LOG_FORMAT", "Text").upper()
    _state["log_format"] = "JSON" if log_format == "JSON" else "Text"
    _setup_logging(log_format, variables.get("AWS_LAMBDA_LOG_LEVEL", "").upper() if log_format == "JSON" else "")
    snap = spec.get("snapStart")
    try:
        if snap:
            with _SeededEntropy(snap["seed"]):
                _state["handler"] = _get_handler(spec["handler"])
        else:
            _state["handler"] = _get_handler(spec["handler"])
    except FaultException as e:
        return _init_error(make_error(e.msg, e.exception_type, e.trace))
    except SystemExit as e:
        return _exit(e)
    except Exception as e:
        return _init_error(_fault_result(e, None))
    return None


def _exit(e):
    """sys.exit() in the function's code ends the runtime's process with that status."""
    code = e.code
    status = 0 if code is None else code if isinstance(code, int) else 1
    if not isinstance(code, (int, type(None))):
        print(code, file=sys.stderr)
    return json.dumps({"exit": status})


def _init_error(error):
    _log_error(error)
    return json.dumps(error)


def run_hooks(kind):
    """SnapStart's runtime hooks: before-snapshot hooks in reverse registration order, after-restore hooks in order. Returns the error, or None."""
    hooks = _state["before_snapshot"][::-1] if kind == "before_snapshot" else list(_state["after_restore"])
    for func, args, kwargs in hooks:
        try:
            func(*args, **kwargs)
        except SystemExit as e:
            return _exit(e)
        except Exception as e:
            return _init_error(_fault_result(e, None))
    return None


def invoke(request_id, payload, deadline_ms, invoked_function_arn, trace_id):
    """One invocation: returns `{"ok": true, "payload": ...}` or `{"ok": false, "error": {...}}` as JSON."""
    _state["request_id"] = request_id
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    try:
        event = json.loads(payload)
        context = LambdaContext(_state["spec"], request_id, deadline_ms, invoked_function_arn)
        response = _state["handler"](event, context)
        if isinstance(response, bytes):
            return json.dumps({"ok": True, "payload": response.decode("utf-8", "replace")})
        try:
            result = _to_json(response)
        except Exception as e:
            raise FaultException(FaultException.MARSHAL_ERROR, "Unable to marshal response: {}".format(str(e)), None)
        return json.dumps({"ok": True, "payload": result})
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace, request_id)
    except SystemExit as e:
        return _exit(e)
    except Exception as e:
        error = _fault_result(e, request_id)
    _log_error(error)
    return json.dumps({"ok": False, "error": error})


def _register(kind):
    def register(func=None, *args, **kwargs):
        if func is None:
            return lambda f: register(f, *args, **kwargs)
        _state[kind].append((func, args, kwargs))
        return func

    return register


class _SnapshotRestoreModule:
    """`snapshot_restore_py`, the module Lambda's Python runtime provides for SnapStart's hooks."""

    register_before_snapshot = staticmethod(_register("before_snapshot"))
    register_after_restore = staticmethod(_register("after_restore"))


sys.modules["snapshot_restore_py"] = _SnapshotRestoreModule()


def _sleep(seconds):
    """time.sleep: the environment waits (a worker cannot block without spinning), and counts the time as waiting, not CPU."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _lambda_sink.sleep(float(seconds))


time.sleep = _sleep
