# The config-refused sample boots hello-partitions' image (its Kbuild's
# extra-images); included by samples/Makefile.

$(O)/samples/config-refused/hello.bin: $(O)/samples/hello-partitions/hello.bin
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  COPY    samples/config-refused/hello.bin")
	$(Q)cp $< $@
