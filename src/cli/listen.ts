/** Starting and stopping the CLI's loopback servers (`dev`, `serve`) alike. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from './errors';

/** Listens on 127.0.0.1; resolves with the port. A busy or privileged port is a one-line UsageError. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(new UsageError(`Failed to start: port ${port} on 127.0.0.1 is in use. Pass another with --port (or --port 0 for any free port)`));
      else if (error.code === 'EACCES') fail(new UsageError(`Failed to start: port ${port} needs privileges. Pass a port above 1023 with --port`));
      else fail(error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      ok((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, drops kept-alive connections, and resolves once the server has closed. */
export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((ok) => server.close(() => ok()));
  server.closeAllConnections();
  await closed;
}
