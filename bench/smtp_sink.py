"""A loopback SMTP server that keeps every message it accepts, and can be told to refuse for a while.

Used by ``scripts/stack.sh`` (the stack's mail catcher) and the soak test. Each accepted
message is appended to ``--log`` as one JSON line (recipients, subject, Message-ID). On
SIGUSR1 it refuses every message (``421 Service not available``) for ``--refuse-seconds``,
as a mail server that is down would; Django's SMTP backend then raises and the email
task retries.

    .venv/bin/python bench/smtp_sink.py --port 8125 --log .run/stack/mail.jsonl
"""

import argparse
import json
import signal
import threading
import time
from email import message_from_bytes
from email.policy import default as default_policy

from aiosmtpd.controller import Controller

REFUSAL = "421 4.3.2 Service not available, try again later"


class Sink:
    """aiosmtpd handler: refuses while ``refuse_until`` is in the future, else logs the message."""

    def __init__(self, log_path):
        self.log_path = log_path
        self.refuse_until = 0.0
        self.lock = threading.Lock()

    def refusing(self):
        return time.monotonic() < self.refuse_until

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802 (aiosmtpd)
        if self.refusing():
            return REFUSAL
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        if self.refusing():
            return REFUSAL
        message = message_from_bytes(envelope.content, policy=default_policy)
        record = {
            "to": list(envelope.rcpt_tos),
            "subject": str(message.get("Subject", "")),
            "message_id": str(message.get("Message-ID", "")),
            "at": time.time(),
        }
        with self.lock, open(self.log_path, "a") as log:
            log.write(json.dumps(record) + "\n")
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8125)
    parser.add_argument("--log", required=True)
    parser.add_argument("--refuse-seconds", type=float, default=60)
    args = parser.parse_args()
    sink = Sink(args.log)

    def refuse(_signum, _frame):
        sink.refuse_until = time.monotonic() + args.refuse_seconds
        print(f"refusing mail for {args.refuse_seconds:.0f} s", flush=True)

    signal.signal(signal.SIGUSR1, refuse)
    controller = Controller(sink, hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"SMTP sink on 127.0.0.1:{args.port}, logging to {args.log}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
