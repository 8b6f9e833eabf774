"""A loopback TCP proxy that can play a server outage: on SIGUSR1 it goes away for a few seconds.

The soak test puts it in front of the S3 server (moto). Stopping moto itself would lose
every stored file, as moto keeps them in memory only; stopping this proxy looks the same
to the app servers (connections reset, then refused) while the files survive.

    .venv/bin/python bench/fault_proxy.py --listen 9103 --target 9102 --down-seconds 5
"""

import argparse
import asyncio
import signal

CHUNK = 65536


async def pipe(reader, writer):
    try:
        while data := await reader.read(CHUNK):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


class Proxy:
    def __init__(self, listen, target, down_seconds):
        self.listen, self.target, self.down_seconds = listen, target, down_seconds
        self.server = None
        self.connections = set()

    async def handle(self, client_reader, client_writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            client_writer.close()
            return
        tasks = {
            asyncio.create_task(pipe(client_reader, upstream_writer)),
            asyncio.create_task(pipe(upstream_reader, client_writer)),
        }
        self.connections.add((client_writer, upstream_writer, frozenset(tasks)))
        await asyncio.gather(*tasks, return_exceptions=True)
        self.connections.discard((client_writer, upstream_writer, frozenset(tasks)))

    async def start(self):
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", self.listen, reuse_address=True)

    async def outage(self):
        """Closes the port and every open connection, waits, then listens again."""
        print(f"down for {self.down_seconds:.0f} s", flush=True)
        self.server.close()
        for client_writer, upstream_writer, tasks in list(self.connections):
            for task in tasks:
                task.cancel()
            client_writer.transport.abort()
            upstream_writer.transport.abort()
        await asyncio.sleep(self.down_seconds)
        await self.start()
        print("up again", flush=True)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--target", type=int, required=True)
    parser.add_argument("--down-seconds", type=float, default=5)
    args = parser.parse_args()
    proxy = Proxy(args.listen, args.target, args.down_seconds)
    await proxy.start()
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, lambda: asyncio.ensure_future(proxy.outage()))
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    print(f"proxy 127.0.0.1:{args.listen} -> 127.0.0.1:{args.target}", flush=True)
    await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
