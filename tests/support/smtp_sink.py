#!/usr/bin/env python3
# smtp_sink.py -- a real SMTP server for the tests: aiosmtpd on 127.0.0.1:PORT, each message kept as a file.
"""Usage: smtp_sink.py DIR PORT [--tls implicit|starttls --cert PEM --key PEM]
                                [--user NAME --password-file FILE]

Writes DIR/NNNN.eml (the raw message as received), DIR/NNNN.rcpt (envelope: "from\\nrcpt...\\n")
and DIR/NNNN.session ("tls=yes|no\\nauth=NAME\\n": how the message came in). With --tls implicit
the port speaks TLS from the first byte (smtps://); with --tls starttls the server offers STARTTLS
and refuses mail before it. With --user every message needs AUTH (PLAIN or LOGIN, only over TLS)
as NAME with the password in FILE; each AUTH is logged to DIR/auth.log as "ok NAME" or "refused
NAME" (never the password). Prints "ready" on stdout once listening; runs until SIGTERM.
"""
import argparse
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = len([n for n in os.listdir(self.directory) if n.endswith(".eml")]) + 1
            base = os.path.join(self.directory, "%04d" % number)
            login = ""
            if isinstance(session.auth_data, LoginPassword):
                login = session.auth_data.login.decode("utf-8", "replace")
            # session.ssl is set by STARTTLS; an implicit TLS connection shows in its transport.
            tls = bool(session.ssl) or server.transport.get_extra_info("ssl_object") is not None
            with open(base + ".session.tmp", "w") as f:
                f.write("tls=%s\nauth=%s\n" % ("yes" if tls else "no", login))
            with open(base + ".rcpt.tmp", "w") as f:
                f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
            with open(base + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(base + ".session.tmp", base + ".session")
            os.rename(base + ".rcpt.tmp", base + ".rcpt")
            os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK"


class Authenticator:
    def __init__(self, directory, user, password):
        self.log = os.path.join(directory, "auth.log")
        self.user = user.encode()
        self.password = password.encode()
        self.lock = threading.Lock()

    def __call__(self, server, session, envelope, mechanism, data):
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        good = data.login == self.user and data.password == self.password
        with self.lock, open(self.log, "a") as f:
            f.write("%s %s\n" % ("ok" if good else "refused", data.login.decode("utf-8", "replace")))
        if not good:
            return AuthResult(success=False, handled=False)  # aiosmtpd answers 535
        return AuthResult(success=True, auth_data=data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("port", type=int)
    parser.add_argument("--tls", choices=["implicit", "starttls"])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password-file")
    args = parser.parse_args()

    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "implicit":
            options["ssl_context"] = context
        else:
            options["tls_context"] = context
            options["require_starttls"] = True
    if args.user:
        with open(args.password_file) as f:
            password = f.readline().rstrip("\r\n")
        options["authenticator"] = Authenticator(args.directory, args.user, password)
        options["auth_required"] = True
        # Implicit TLS is TLS from the start; aiosmtpd's own check only knows STARTTLS.
        options["auth_require_tls"] = args.tls != "implicit"
    controller = Controller(Sink(args.directory), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
