import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Plays Azure Bot Service's token issuer on loopback: an OpenID metadata document and its key
// set, and channel tokens signed with that key. The bot validates them with botframework-
// connector's own code, pointed here through ToBotFromChannelOpenIdMetadataUrl.

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export class LocalTokenIssuer {
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = randomUUID();

  private constructor(
    private readonly server: Server,
    readonly metadataUrl: string,
  ) {}

  static async start(endorsements: string[]): Promise<LocalTokenIssuer> {
    let issuer: LocalTokenIssuer | undefined;
    const server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys' && issuer) {
        const jwk = issuer.keys.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: issuer.kid, use: 'sig', endorsements }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = new LocalTokenIssuer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/openidconfiguration`);
    return issuer;
  }

  /** A channel's token for one request to the bot `appId`, as Azure signs them. */
  token(appId: string, serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${encode({ alg: 'RS256', typ: 'JWT', kid: this.kid })}.${encode({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 10, iat: now - 10, exp: now + 600 })}`;
    const signature = createSign('RSA-SHA256').update(signed).sign(this.keys.privateKey).toString('base64url');
    return `${signed}.${signature}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
