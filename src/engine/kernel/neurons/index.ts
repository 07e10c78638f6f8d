/** Neurons mode: per-neuron Yuma Consensus inside the kernel for the subnets a scenario details. */
export * from './neuronSubnet.ts';
export * from './neuronsMode.ts';
export * from './payNeuronEpochs.ts';
