/**
 * The SMS gateway adapter for flash SMS (闪信) to warned persons. A deployment plugs in its carrier's
 * gateway behind `SmsGateway`; the embedded mode logs the message instead of sending it.
 */
export interface SmsMessage {
  /** E.164. */
  to: string;
  text: string;
  /** The warning it is sent for (a reference for the gateway's delivery reports). */
  warningId: string;
}

export interface SmsReceipt {
  /** The gateway's id of the message; the logging gateway makes one up. */
  messageId: string;
  accepted: boolean;
}

export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsReceipt>;
}

export interface SmsLog {
  info(object: object, message: string): void;
}

/** The embedded gateway: writes each message to the log (with the number masked) and keeps the last ones. */
export class LoggingSmsGateway implements SmsGateway {
  readonly name = 'log';
  readonly sent: SmsMessage[] = [];
  private serial = 0;

  constructor(
    private readonly log: SmsLog | null = null,
    private readonly keep = 100,
  ) {}

  async send(message: SmsMessage): Promise<SmsReceipt> {
    this.sent.push(message);
    if (this.sent.length > this.keep) this.sent.shift();
    const messageId = `log-${++this.serial}`;
    this.log?.info(
      { warningId: message.warningId, to: `${message.to.slice(0, 6)}****${message.to.slice(-4)}`, messageId },
      `flash SMS (embedded gateway, not sent): ${message.text}`,
    );
    return { messageId, accepted: true };
  }
}

/** The flash SMS an officer sends when none is written: the 96110 warning every center uses. */
export const DEFAULT_FLASH_SMS =
  '【反诈预警】您可能正在遭遇电信网络诈骗！公检法机关不会通过电话办案，不存在“安全账户”。请勿转账汇款，如有疑问请拨打96110。';
