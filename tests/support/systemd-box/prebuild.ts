// Builds the systemd box's cached tree ahead of the tests (.ci/run starts it in the background before
// `npm test`, so the build overlaps typechecking and the unit tests). The tests wait on the same lock.
import { systemdBoxSkipReason } from "../systemd-box";
import { ensureRootfs } from "./rootfs";

const reason = systemdBoxSkipReason();
if (reason) console.log(`systemd box: not built (${reason})`);
else console.log(`systemd box: ready at ${await ensureRootfs((line) => console.log(line))}`);
