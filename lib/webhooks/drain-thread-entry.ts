// The drain thread's module (drain-thread.ts): Next's bundler builds it as a
// worker entry from route-drain.ts's URL; npm start loads it through tsx.
import { serveDrainRequests } from "./drain-thread";

serveDrainRequests();
