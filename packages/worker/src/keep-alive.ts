import { Handle, type Loop } from '@mini/loop';

/**
 * A handle that only holds its loop while it is open and ref'd, as Node's
 * Worker handle does for a running worker and a MessagePort's for a port
 * moved to another context; its Node name is what a trace shows.
 */
export class KeepAlive extends Handle {
  constructor(
    loop: Loop,
    private readonly nodeName: string,
  ) {
    super(loop);
    this.activate();
  }

  override get typeName(): string {
    return this.nodeName;
  }

  protected onClose(): void {
    this.deactivate();
  }
}
