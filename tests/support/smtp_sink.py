#!/usr/bin/env python3
# smtp_sink.py -- a real SMTP server for the tests: aiosmtpd on 127.0.0.1:PORT, each message kept as a file.
# Usage: smtp_sink.py DIR PORT. Writes DIR/NNNN.eml (the raw message as received) and DIR/NNNN.rcpt
# (envelope: "from\nrcpt..."); prints "ready" on stdout once listening; runs until SIGTERM.
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = len([n for n in os.listdir(self.directory) if n.endswith(".eml")]) + 1
            base = os.path.join(self.directory, "%04d" % number)
            with open(base + ".rcpt.tmp", "w") as f:
                f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
            with open(base + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(base + ".rcpt.tmp", base + ".rcpt")
            os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK"


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
