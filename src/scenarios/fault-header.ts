/**
 * The request header that asks the embedded simulator to fail a request (a code whose cause is
 * upstream). Scenario data names it for the `viaFault` paths; only the simulator honours it, so a
 * check whose request carries it runs on the simulator alone.
 */
export const FAULT_HEADER = 'x-simulator-fault';
