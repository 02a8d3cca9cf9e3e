#!/usr/bin/env python3
"""Holds N slow clients on HOST:PORT for SECONDS: each sends the start of a request head and
then one more byte a second, never finishing it; a connection the server closes is opened again.

    slow_clients.py HOST PORT N SECONDS
"""
import selectors
import socket
import sys
import time

host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
START = b"GET /feeds/slow.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def opened():
    s = socket.create_connection((host, port))
    s.setblocking(False)
    try:
        s.send(START)
    except OSError:
        pass
    return s


clients = [opened() for _ in range(count)]
end = time.time() + seconds
while time.time() < end:
    time.sleep(1)
    for i, s in enumerate(clients):
        try:
            s.send(b"a")
            s.recv(4096, socket.MSG_DONTWAIT)  # a 408, or nothing yet
        except BlockingIOError:
            continue
        except OSError:
            s.close()
            clients[i] = opened()
