#!/usr/bin/python3
"""Real SMTP servers for the mail tests, listening on 127.0.0.1 at a port the system chose.

Prints "port N" on stdout once it listens, then runs until SIGTERM.

  smtp_server.py aiosmtpd DIR [--cert C --key K (--starttls | --implicit-tls)]
                              [--auth USER:PASSWORD] [--data-reply "451 …"] [--data-delay S]
                              [--idle-timeout S] [--refuse ADDRESS=REPLY]…
                              [--stored-reply-delay S --delayed-messages N]
      aiosmtpd: each message's bytes as received (after un-dot-stuffing) in DIR/N.eml, its
      envelope in DIR/N.env, the EHLO name in DIR/N.helo, one line per TCP connection in
      DIR/connections. --refuse answers RCPT TO:<ADDRESS> with REPLY ("550 5.1.1 …"); the
      first N messages are stored and then answered only after S seconds (a sender killed
      meanwhile has handed its message over without learning so).
  smtp_server.py sink DIR SMTP-SINK-OPTION…
      postfix's smtp-sink with the given options. smtp-sink cannot take a listening socket from
      its parent, so it binds 127.0.0.1:0 itself and the port is read from its socket in /proc:
      nothing probes for a free port and releases it.
"""
import argparse
import asyncio
import os
import signal
import ssl
import subprocess
import sys
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, folder, data_reply, data_delay, refuse=(), stored_delay=0, delayed=0):
        self.folder = folder
        self.count = 0
        self.data_reply = data_reply
        self.data_delay = data_delay
        self.refuse = dict(r.split("=", 1) for r in refuse)
        self.stored_delay = stored_delay
        self.delayed = delayed

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        if self.data_reply:
            return self.data_reply
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".env.tmp", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        with open(base + ".helo", "w") as f:
            f.write(session.host_name + "\n")
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".env.tmp", base + ".env")  # last: the test waits for it
        if self.count <= self.delayed:
            await asyncio.sleep(self.stored_delay)
        return "250 2.0.0 Ok: queued as %d" % self.count


class CountingSMTP(SMTP):
    folder = None

    def connection_made(self, transport):
        # Called again on the same connection after STARTTLS: a connection is its peer address.
        peer = "%s:%d" % transport.get_extra_info("peername")[:2]
        path = os.path.join(self.folder, "connections")
        seen = open(path).read().split() if os.path.exists(path) else []
        if peer not in seen:
            with open(path, "a") as f:
                f.write(peer + "\n")
        super().connection_made(transport)


def aiosmtpd_main(args):
    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)
    authenticator = None
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            if ok:
                with open(os.path.join(args.dir, "auth"), "a") as f:
                    f.write(mechanism + "\n")
            return AuthResult(success=ok, handled=False)

    handler = Recorder(args.dir, args.data_reply, args.data_delay, args.refuse, args.stored_reply_delay,
                       args.delayed_messages)
    CountingSMTP.folder = args.dir

    def factory():
        return CountingSMTP(handler, hostname="test.invalid",
                            tls_context=tls if args.starttls else None,
                            require_starttls=bool(args.starttls),
                            authenticator=authenticator, auth_required=bool(args.auth),
                            auth_require_tls=bool(tls), timeout=args.idle_timeout)

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=0, ssl=tls if args.implicit_tls else None))
    print("port %d" % server.sockets[0].getsockname()[1], flush=True)
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.run_forever()


def listening_port(pid):
    """The TCP port the process `pid` listens on, from its socket inodes and /proc/net/tcp."""
    inodes = set()
    for fd in os.listdir("/proc/%d/fd" % pid):
        try:
            target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    with open("/proc/%d/net/tcp" % pid) as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                return int(fields[1].split(":")[1], 16)
    return 0


def sink_main(folder, options):
    user = ["-u", "nobody"] if os.getuid() == 0 else []
    child = subprocess.Popen(["/usr/sbin/smtp-sink", *user, *options, "127.0.0.1:0", "16"],
                             stdout=open(os.path.join(folder, "sink.log"), "w"), stderr=subprocess.STDOUT)
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    for _ in range(200):
        port = listening_port(child.pid) if child.poll() is None else 0
        if port:
            print("port %d" % port, flush=True)
            child.wait()
            return
        time.sleep(0.02)
    child.kill()
    sys.exit("smtp-sink did not listen")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "sink":
        return sink_main(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["aiosmtpd"])
    parser.add_argument("dir")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--data-reply")
    parser.add_argument("--data-delay", type=float, default=0)
    parser.add_argument("--idle-timeout", type=float, default=300)
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--stored-reply-delay", type=float, default=0)
    parser.add_argument("--delayed-messages", type=int, default=0)
    aiosmtpd_main(parser.parse_args())


if __name__ == "__main__":
    main()
