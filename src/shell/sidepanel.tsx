import 'amazon-connect-streams'; import 'amazon-connect-chatjs'; console.log((globalThis as any).connect.version);
